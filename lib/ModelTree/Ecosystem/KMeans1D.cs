namespace ModelTree.Ecosystem;

/// <summary>
/// Exact k-means in one dimension: sorted, weighted points (a value and how many models have it) split into k
/// contiguous groups with the least within-group sum of squares. In one dimension the optimal clusters are
/// intervals of the sorted values, so dynamic programming finds the true optimum (Wang and Song's Ckmeans.1d.dp),
/// not a local one as Lloyd's iterations would; the divide-and-conquer form takes O(k m log m) for m distinct values.
/// </summary>
public static class KMeans1D
{
    /// <summary>
    /// The optimal split of <paramref name="values"/> (ascending, distinct) with <paramref name="weights"/> into
    /// <paramref name="k"/> groups: the index of the first point of each group.
    /// </summary>
    public static int[] Split(IReadOnlyList<double> values, IReadOnlyList<long> weights, int k)
    {
        var m = values.Count;
        if (m == 0 || k <= 0)
        {
            return [];
        }
        k = Math.Min(k, m);
        var sums = new Prefix(values, weights);
        // cost[j][i]: the least within-group sum of squares of points 0..i in j+1 groups; from[j][i] the start of the last group.
        var cost = new double[k][];
        var from = new int[k][];
        cost[0] = new double[m];
        from[0] = new int[m];
        for (var i = 0; i < m; i++)
        {
            cost[0][i] = sums.Cost(0, i);
        }
        for (var j = 1; j < k; j++)
        {
            cost[j] = new double[m];
            from[j] = new int[m];
            Array.Fill(cost[j], double.PositiveInfinity);
            Fill(j, j, m - 1, j, m - 1, cost, from, sums);
        }

        var starts = new int[k];
        var end = m - 1;
        for (var j = k - 1; j >= 0; j--)
        {
            starts[j] = j == 0 ? 0 : from[j][end];
            end = starts[j] - 1;
        }
        return starts;
    }

    /// <summary>The within-group sum of squares of a split.</summary>
    public static double WithinSumOfSquares(IReadOnlyList<double> values, IReadOnlyList<long> weights, int[] starts)
    {
        var sums = new Prefix(values, weights);
        return starts.Select((s, g) => sums.Cost(s, (g + 1 < starts.Length ? starts[g + 1] : values.Count) - 1)).Sum();
    }

    /// <summary>
    /// The mean silhouette of a split over every model (each point counted as often as its weight): for each model,
    /// (b - a) / max(a, b), with a its mean distance to the other models of its group and b its mean distance to the
    /// models of the nearest other group (in one dimension, a neighbouring interval). Models alone in their group score 0.
    /// </summary>
    public static double Silhouette(IReadOnlyList<double> values, IReadOnlyList<long> weights, int[] starts)
    {
        if (starts.Length < 2)
        {
            return 0;
        }
        var sums = new Prefix(values, weights);
        var ends = starts.Select((s, g) => (g + 1 < starts.Length ? starts[g + 1] : values.Count) - 1).ToArray();
        double total = 0;
        long models = 0;
        for (var g = 0; g < starts.Length; g++)
        {
            var own = sums.Weight(starts[g], ends[g]);
            for (var i = starts[g]; i <= ends[g]; i++)
            {
                var x = values[i];
                var w = weights[i];
                models += w;
                if (own <= 1)
                {
                    continue;
                }
                var a = sums.Distance(x, starts[g], ends[g]) / (own - 1);
                var b = double.PositiveInfinity;
                if (g > 0)
                {
                    b = Math.Min(b, sums.Distance(x, starts[g - 1], ends[g - 1]) / sums.Weight(starts[g - 1], ends[g - 1]));
                }
                if (g + 1 < starts.Length)
                {
                    b = Math.Min(b, sums.Distance(x, starts[g + 1], ends[g + 1]) / sums.Weight(starts[g + 1], ends[g + 1]));
                }
                var s = Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
                total += s * w;
            }
        }
        return models == 0 ? 0 : total / models;
    }

    // cost[j][i] for i in lo..hi, knowing the best start of the last group lies in optLo..optHi (it never decreases with i).
    private static void Fill(int j, int lo, int hi, int optLo, int optHi, double[][] cost, int[][] from, Prefix sums)
    {
        if (lo > hi)
        {
            return;
        }
        var mid = (lo + hi) / 2;
        var best = double.PositiveInfinity;
        var bestStart = Math.Max(optLo, j);
        for (var s = Math.Max(optLo, j); s <= Math.Min(mid, optHi); s++)
        {
            var c = cost[j - 1][s - 1] + sums.Cost(s, mid);
            if (c < best)
            {
                best = c;
                bestStart = s;
            }
        }
        cost[j][mid] = best;
        from[j][mid] = bestStart;
        Fill(j, lo, mid - 1, optLo, bestStart, cost, from, sums);
        Fill(j, mid + 1, hi, bestStart, optHi, cost, from, sums);
    }

    /// <summary>Prefix sums of weight, weight × value and weight × value² for O(1) group costs and distances.</summary>
    private sealed class Prefix
    {
        private readonly IReadOnlyList<double> _values;
        private readonly double[] _w;
        private readonly double[] _wx;
        private readonly double[] _wxx;

        public Prefix(IReadOnlyList<double> values, IReadOnlyList<long> weights)
        {
            _values = values;
            var m = values.Count;
            _w = new double[m + 1];
            _wx = new double[m + 1];
            _wxx = new double[m + 1];
            for (var i = 0; i < m; i++)
            {
                _w[i + 1] = _w[i] + weights[i];
                _wx[i + 1] = _wx[i] + (weights[i] * values[i]);
                _wxx[i + 1] = _wxx[i] + (weights[i] * values[i] * values[i]);
            }
        }

        public double Weight(int from, int to) => _w[to + 1] - _w[from];

        public double Cost(int from, int to)
        {
            var w = _w[to + 1] - _w[from];
            if (w <= 0)
            {
                return 0;
            }
            var sx = _wx[to + 1] - _wx[from];
            return Math.Max(0, _wxx[to + 1] - _wxx[from] - (sx * sx / w));
        }

        /// <summary>The weighted sum of |x - value| over points from..to.</summary>
        public double Distance(double x, int from, int to)
        {
            // Points below x and above x, split by binary search over the sorted values.
            int lo = from, hi = to + 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_values[mid] < x)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            var wBelow = _w[lo] - _w[from];
            var xBelow = _wx[lo] - _wx[from];
            var wAbove = _w[to + 1] - _w[lo];
            var xAbove = _wx[to + 1] - _wx[lo];
            return (x * wBelow) - xBelow + (xAbove - (x * wAbove));
        }
    }
}
