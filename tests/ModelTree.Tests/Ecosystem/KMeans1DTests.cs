using ModelTree.Ecosystem;

namespace ModelTree.Tests.Ecosystem;

public sealed class KMeans1DTests
{
    [Fact]
    public void Two_separate_groups_split_between_them()
    {
        double[] values = [1, 2, 3, 10, 11, 12];
        long[] weights = [1, 1, 1, 1, 1, 1];

        Assert.Equal([0, 3], KMeans1D.Split(values, weights, 2));
        Assert.Equal(4.0, KMeans1D.WithinSumOfSquares(values, weights, [0, 3]), 9);
    }

    [Fact]
    public void Weights_decide_where_the_split_falls()
    {
        // 0, 1 and 5. With 5 light, {0} | {1, 5} costs 100*1/101*16 = 15.8 against 100*100/200*1 = 50 for {0, 1} | {5}.
        Assert.Equal([0, 1], KMeans1D.Split([0, 1, 5], [100, 100, 1], 2));
        // With 5 as heavy as the others, {0} | {1, 5} costs 100*100/200*16 = 800: {0, 1} | {5} wins.
        Assert.Equal([0, 2], KMeans1D.Split([0, 1, 5], [100, 100, 100], 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_split_is_the_best_of_every_contiguous_split(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 11).Select(_ => Math.Round(random.NextDouble() * 10, 3)).Distinct().Order().ToArray();
        var weights = values.Select(_ => (long)random.Next(1, 20)).ToArray();
        foreach (var k in new[] { 2, 3, 4 })
        {
            var (bestCost, _) = Brute(values, weights, k);
            var starts = KMeans1D.Split(values, weights, k);
            Assert.Equal(k, starts.Length);
            Assert.Equal(bestCost, KMeans1D.WithinSumOfSquares(values, weights, starts), 6);
            Assert.Equal(bestCost, Cost(values, weights, starts), 6);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Silhouette_matches_the_pairwise_definition_over_every_model(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 9).Select(_ => Math.Round(random.NextDouble() * 10, 2)).Distinct().Order().ToArray();
        var weights = values.Select(_ => (long)random.Next(1, 5)).ToArray();
        var starts = KMeans1D.Split(values, weights, 3);

        // Expand every model, then the textbook definition with all pairs.
        var group = new int[values.Length];
        for (var g = 0; g < starts.Length; g++)
        {
            for (var i = starts[g]; i < values.Length; i++)
            {
                group[i] = g;
            }
        }
        var models = values.SelectMany((v, i) => Enumerable.Repeat((X: v, G: group[i]), (int)weights[i])).ToList();
        var scores = models.Select((m, i) =>
        {
            var own = models.Where((o, j) => j != i && o.G == m.G).ToList();
            if (own.Count == 0)
            {
                return 0.0;
            }
            var a = own.Average(o => Math.Abs(o.X - m.X));
            var b = models.Where(o => o.G != m.G).GroupBy(o => o.G).Min(g => g.Average(o => Math.Abs(o.X - m.X)));
            return Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        });

        Assert.Equal(scores.Average(), KMeans1D.Silhouette(values, weights, starts), 9);
    }

    private static double Cost(double[] values, long[] weights, int[] starts) =>
        starts.Select((s, g) =>
        {
            var end = g + 1 < starts.Length ? starts[g + 1] : values.Length;
            var idx = Enumerable.Range(s, end - s).ToList();
            var w = idx.Sum(i => weights[i]);
            var mean = idx.Sum(i => weights[i] * values[i]) / w;
            return idx.Sum(i => weights[i] * (values[i] - mean) * (values[i] - mean));
        }).Sum();

    private static (double Cost, int[] Starts) Brute(double[] values, long[] weights, int k)
    {
        var best = (Cost: double.PositiveInfinity, Starts: Array.Empty<int>());
        void Walk(List<int> starts)
        {
            if (starts.Count == k)
            {
                var c = Cost(values, weights, [.. starts]);
                if (c < best.Cost)
                {
                    best = (c, [.. starts]);
                }
                return;
            }
            for (var s = starts[^1] + 1; s <= values.Length - (k - starts.Count); s++)
            {
                Walk([.. starts, s]);
            }
        }
        Walk([0]);
        return best;
    }
}
