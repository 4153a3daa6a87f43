using System.Globalization;
using Microsoft.Data.Analysis;
using ModelTree.Data;
using ModelTree.Ecosystem;
using ModelTree.Records;

namespace ModelTree;

/// <summary>
/// The ecosystem statistics of seed 002 (a crawl of the 29,017 most-liked Hub models, July 2024) computed over
/// <c>models</c> with DuckDB: how much metadata is missing, the largest tasks and authors, model sizes in clusters,
/// downloads and likes by task and author, models created per month, tensor types.
/// </summary>
/// <remarks>
/// Definitions, used the same way everywhere (the tests compute them independently from the records):
/// <list type="bullet">
/// <item>parameters: <c>safetensors.total</c>, present when positive;</item>
/// <item>task: <c>pipeline_tag</c>, present when not empty;</item>
/// <item>license: the card's <c>license</c>, else a <c>license:</c> tag;</item>
/// <item>library: <c>library_name</c>, present when not empty;</item>
/// <item>base model: a base in <c>baseModels</c>, a <c>base_model:</c> tag, or the card's <c>base_model</c> (a root model has none by nature);</item>
/// <item>card: front matter (<c>cardData</c>) that is a JSON object with at least one field whose value is not null;</item>
/// <item>author: <c>author</c>, else the namespace of the id (the part before <c>/</c>), else <c>(no namespace)</c>.</item>
/// </list>
/// The scans behind <see cref="Missing"/>, the top tasks and authors and <see cref="Sizes"/> run once per instance and
/// are kept (notebook 08 and <see cref="SeedBeside.Recheck"/> ask for them several times): an instance describes the
/// data as it was when it was first asked. After redefining <c>models</c>, make a new one.
/// </remarks>
public sealed class EcosystemStats(HubData hub)
{
    private IReadOnlyList<MissingShare>? _missing;
    private IReadOnlyList<(long Parameters, long Models)>? _sizes;
    private readonly Dictionary<(string Key, int Top), IReadOnlyList<NamedCount>> _counts = [];

    /// <summary>The metadata fields whose absence <see cref="Missing"/> counts, in the order shown.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["parameters", "task", "license", "library", "baseModel", "card"];

    /// <summary>The candidates for the number of size clusters.</summary>
    public static IReadOnlyList<int> ClusterCandidates { get; } = [2, 3, 4, 5, 6, 7, 8];

    /// <summary>The author of a row as SQL: the author column, else the id's namespace.</summary>
    public const string AuthorSql =
        "coalesce(nullif(trim(author), ''), CASE WHEN contains(id, '/') THEN split_part(id, '/', 1) END, '(no namespace)')";

    // The card as a map from field to JSON value (NULL unless it is a JSON object): one parse for all three card questions.
    private static readonly string CardFields = $"json_transform({CardSql.ObjectOrNull("cardData")}, '\"MAP(VARCHAR, JSON)\"')";

    public HubData Hub { get; } = hub;

    /// <summary>Per field of <see cref="Fields"/>, how many models lack it.</summary>
    public IReadOnlyList<MissingShare> Missing() => _missing ??= CountMissing();

    private IReadOnlyList<MissingShare> CountMissing()
    {
        var sql = $"""
            WITH m AS (SELECT safetensors.total AS total, pipeline_tag, library_name, tags, baseModels, {CardFields} AS card FROM models)
            SELECT count(*),
              count(*) FILTER (coalesce(total, 0) <= 0),
              count(*) FILTER (coalesce(trim(pipeline_tag), '') = ''),
              count(*) FILTER (coalesce(nullif(trim(card['license'] ->> '$'), ''), list_filter(tags, lambda t: starts_with(t, 'license:'))[1]) IS NULL),
              count(*) FILTER (coalesce(trim(library_name), '') = ''),
              count(*) FILTER (NOT (coalesce(len(baseModels.models), 0) > 0
                                    OR coalesce(len(list_filter(tags, lambda t: starts_with(t, 'base_model:'))), 0) > 0
                                    OR {CardSql.NamesBaseOf("card['base_model']")})),
              count(*) FILTER (coalesce(len(list_filter(map_values(card), lambda v: v IS NOT NULL AND v::VARCHAR <> 'null')), 0) = 0)
            FROM m
            """;
        using var reader = Hub.Reader(sql);
        reader.Read();
        var models = reader.GetInt64(0);
        return Fields.Select((f, i) => new MissingShare(f, reader.GetInt64(i + 1), models)).ToList();
    }

    /// <summary>The missing shares as a table: field, models without it, share.</summary>
    public DataFrame MissingFrame() => MissingFrame(Missing());

    /// <summary><paramref name="missing"/> as a table.</summary>
    public static DataFrame MissingFrame(IReadOnlyList<MissingShare> missing) => new(
        new StringDataFrameColumn("field", missing.Select(m => m.Field)),
        new Int64DataFrameColumn("models without it", missing.Select(m => m.Missing)),
        new Int64DataFrameColumn("models", missing.Select(m => m.Models)),
        new DoubleDataFrameColumn("share missing", missing.Select(m => Math.Round(m.Share, 4))));

    /// <summary>The <paramref name="top"/> tasks (<c>pipeline_tag</c>) with the most models; ties by name. Models without a task are left out.</summary>
    public IReadOnlyList<NamedCount> TopTasks(int top = 20) => Counts("pipeline_tag", top);

    /// <summary>The <paramref name="top"/> authors with the most models; ties by name.</summary>
    public IReadOnlyList<NamedCount> TopAuthors(int top = 20) => Counts(AuthorSql, top);

    /// <summary>The rank (1 for the largest) of <paramref name="author"/> by model count, ties by name; null if it has no models.</summary>
    public long? AuthorRank(string author)
    {
        var sql = $"""
            WITH a AS (SELECT {AuthorSql} AS name, count(*) AS models FROM models GROUP BY 1),
            r AS (SELECT name, row_number() OVER (ORDER BY models DESC, name) AS rank FROM a)
            SELECT rank FROM r WHERE lower(name) = lower({Sql.Literal(author)}) ORDER BY rank LIMIT 1
            """;
        var rank = Hub.Scalar<long>(sql);
        return rank == 0 ? null : rank;
    }

    /// <summary>Names and counts as a table with the given column names.</summary>
    public static DataFrame CountFrame(IReadOnlyList<NamedCount> counts, string name) => new(
        new Int32DataFrameColumn("rank", Enumerable.Range(1, counts.Count)),
        new StringDataFrameColumn(name, counts.Select(c => c.Name)),
        new Int64DataFrameColumn("models", counts.Select(c => c.Models)));

    private IReadOnlyList<NamedCount> Counts(string key, int top)
    {
        if (!_counts.TryGetValue((key, top), out var counts))
        {
            counts = _counts[(key, top)] = CountBy(key, top);
        }
        return counts;
    }

    private IReadOnlyList<NamedCount> CountBy(string key, int top)
    {
        var sql = $"""
            SELECT name, count(*) AS models FROM (SELECT {key} AS name FROM models) WHERE coalesce(trim(name), '') <> ''
            GROUP BY 1 ORDER BY models DESC, name LIMIT {Math.Max(0, top)}
            """;
        var list = new List<NamedCount>();
        using var reader = Hub.Reader(sql);
        while (reader.Read())
        {
            list.Add(new NamedCount(reader.GetString(0), reader.GetInt64(1)));
        }
        return list;
    }

    /// <summary>Every distinct positive parameter count and how many models have it, ascending.</summary>
    public IReadOnlyList<(long Parameters, long Models)> Sizes() => _sizes ??= ReadSizes();

    private List<(long Parameters, long Models)> ReadSizes()
    {
        var list = new List<(long, long)>();
        using var reader = Hub.Reader(
            "SELECT safetensors.total AS n, count(*) FROM models WHERE safetensors.total > 0 GROUP BY 1 ORDER BY 1");
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }
        return list;
    }

    /// <summary>
    /// How much silhouette a larger k must add to be worth its extra cluster: the smallest k whose silhouette is within
    /// this of the best candidate's is chosen (on data with many discrete sizes the silhouette keeps creeping up with k).
    /// </summary>
    public const double SilhouetteTolerance = 0.01;

    /// <summary>
    /// The model sizes in clusters: exact k-means on log10 parameters for each k of <paramref name="candidates"/>
    /// (default <see cref="ClusterCandidates"/>), keeping the smallest k whose mean silhouette is within
    /// <see cref="SilhouetteTolerance"/> of the highest. A parameter count spans eight orders of magnitude, so distances
    /// are taken between logarithms: 1B is as far from 100M as 100M from 10M.
    /// </summary>
    public SizeClustering SizeClusters(IReadOnlyList<int>? candidates = null)
    {
        var sizes = Sizes();
        var values = sizes.Select(s => Math.Log10(s.Parameters)).ToArray();
        var weights = sizes.Select(s => s.Models).ToArray();
        var models = weights.Sum();
        var splits = (candidates ?? ClusterCandidates).Where(k => k >= 1 && k <= values.Length).Distinct().Order()
            .Select(k => KMeans1D.Split(values, weights, k)).ToList();
        var choices = splits.Select(s => new ClusterChoice(s.Length, KMeans1D.Silhouette(values, weights, s),
            KMeans1D.WithinSumOfSquares(values, weights, s))).ToList();
        if (choices.Count == 0)
        {
            return new SizeClustering([], choices, models);
        }
        var best = choices.Max(c => c.Silhouette);
        var chosen = choices.FindIndex(c => c.Silhouette >= best - SilhouetteTolerance);
        return new SizeClustering(Groups(sizes, splits[chosen]), choices, models);
    }

    /// <summary>The optimal split into exactly <paramref name="k"/> clusters.</summary>
    public IReadOnlyList<SizeCluster> SizeClusters(int k)
    {
        var sizes = Sizes();
        return sizes.Count == 0 ? [] : Groups(sizes, KMeans1D.Split(sizes.Select(s => Math.Log10(s.Parameters)).ToArray(), sizes.Select(s => s.Models).ToArray(), k));
    }

    /// <summary>
    /// Model sizes in fixed bins: a model falls in the bin whose lower edge is the largest at or below its parameter
    /// count (<paramref name="lowerEdges"/> ascending; default <see cref="SeedEcosystem.BinEdges"/>, the seed's five).
    /// A bin's min and max are its models' smallest and largest counts.
    /// </summary>
    public IReadOnlyList<SizeCluster> SizeBins(IReadOnlyList<long>? lowerEdges = null)
    {
        var edges = (lowerEdges ?? SeedEcosystem.BinEdges).ToArray();
        var bins = edges.Select(_ => (Min: long.MaxValue, Max: 0L, Models: 0L)).ToArray();
        foreach (var (n, w) in Sizes())
        {
            var b = Array.FindLastIndex(edges, e => e <= n);
            if (b < 0)
            {
                b = 0;
            }
            bins[b] = (Math.Min(bins[b].Min, n), Math.Max(bins[b].Max, n), bins[b].Models + w);
        }
        return bins.Select((b, i) => b.Models == 0
            ? new SizeCluster(edges[i], i + 1 < edges.Length ? edges[i + 1] - 1 : long.MaxValue, 0)
            : new SizeCluster(b.Min, b.Max, b.Models)).ToList();
    }

    /// <summary>Clusters as a table: range, smallest, largest, models, share of the models with a size.</summary>
    public static DataFrame ClusterFrame(IReadOnlyList<SizeCluster> clusters)
    {
        var total = clusters.Sum(c => c.Models);
        return new DataFrame(
            new StringDataFrameColumn("range", clusters.Select(c => c.Range)),
            new Int64DataFrameColumn("smallest", clusters.Select(c => c.Min)),
            new Int64DataFrameColumn("largest", clusters.Select(c => c.Max)),
            new Int64DataFrameColumn("models", clusters.Select(c => c.Models)),
            new DoubleDataFrameColumn("share", clusters.Select(c => total == 0 ? 0 : Math.Round((double)c.Models / total, 4))));
    }

    /// <summary>
    /// Downloads and likes of the <paramref name="top"/> tasks or authors with the most models: models, mean and median
    /// downloads, mean and median likes, totals. Both are heavy-tailed (a few models take most), so the median says what a
    /// typical model gets and the mean what the group gets on average including its stars.
    /// </summary>
    public DataFrame Popularity(PopularityBy by, int top = 20)
    {
        var (key, label) = by == PopularityBy.Task ? ("pipeline_tag", "task") : (AuthorSql, "author");
        return Hub.Query($"""
            WITH g AS (SELECT {key} AS name, coalesce(downloads, 0) AS downloads, coalesce(likes, 0) AS likes FROM models),
            g2 AS (SELECT * FROM g WHERE coalesce(trim(name), '') <> ''),
            t AS (SELECT name, count(*) AS n FROM g2 GROUP BY 1 ORDER BY n DESC, name LIMIT {Math.Max(0, top)})
            SELECT g2.name AS {label}, count(*) AS models,
                   round(avg(downloads), 1) AS mean_downloads, median(downloads)::DOUBLE AS median_downloads,
                   round(avg(likes), 2) AS mean_likes, median(likes)::DOUBLE AS median_likes,
                   sum(downloads)::BIGINT AS total_downloads, sum(likes)::BIGINT AS total_likes
            FROM g2 JOIN t USING (name)
            GROUP BY 1 ORDER BY models DESC, 1
            """);
    }

    /// <summary>
    /// Among the <paramref name="top"/> authors with the most models: which has the most models, the highest mean
    /// downloads and the highest mean likes (the seed's "fun facts").
    /// </summary>
    public PopularityLeaders Leaders(int top = 20)
    {
        var frame = Popularity(PopularityBy.Author, top);
        if (frame.Rows.Count == 0)
        {
            return new PopularityLeaders(null, null, null);
        }
        string Max(string column)
        {
            var names = frame["author"];
            var values = frame[column];
            long best = 0;
            for (long i = 1; i < frame.Rows.Count; i++)
            {
                if (Convert.ToDouble(values[i], CultureInfo.InvariantCulture) > Convert.ToDouble(values[best], CultureInfo.InvariantCulture))
                {
                    best = i;
                }
            }
            return (string)names[best];
        }
        return new PopularityLeaders((string)frame["author"][0], Max("mean_downloads"), Max("mean_likes"));
    }

    /// <summary>
    /// Models created per month (<c>createdAt</c>, as yyyy-MM) by relation: the Hub's <c>baseModels.relation</c>, or
    /// <c>no base</c> for a model that lists no base in <c>baseModels</c>.
    /// </summary>
    public DataFrame CreatedByMonth() => Hub.Query("""
        SELECT strftime(date_trunc('month', createdAt), '%Y-%m') AS month,
               CASE WHEN coalesce(len(baseModels.models), 0) = 0 THEN 'no base' ELSE coalesce(baseModels.relation, 'unlabelled') END AS relation,
               count(*) AS models
        FROM models WHERE createdAt IS NOT NULL
        GROUP BY ALL ORDER BY month, relation
        """);

    /// <summary>
    /// Tensor types from <c>safetensors.parameters</c>: per dtype, the models storing any parameters in it, the models
    /// storing most of their parameters in it (the seed's one tensor type per model), its parameters, and each as a share.
    /// </summary>
    public DataFrame TensorTypes() => Hub.Query("""
        WITH p AS (SELECT id, unnest(map_keys(safetensors.parameters)) AS dtype, unnest(map_values(safetensors.parameters)) AS n
                   FROM models WHERE cardinality(safetensors.parameters) > 0),
        main AS (SELECT dtype, count(*) AS mostly FROM (SELECT id, arg_max(dtype, n) AS dtype FROM p GROUP BY id) GROUP BY 1),
        agg AS (SELECT dtype, count(DISTINCT id) AS models, sum(n)::DOUBLE AS parameters FROM p GROUP BY 1)
        SELECT agg.dtype, agg.models, coalesce(main.mostly, 0) AS models_mostly_in_it,
               round(coalesce(main.mostly, 0) / sum(coalesce(main.mostly, 0)) OVER (), 4) AS share_of_models,
               agg.parameters, round(agg.parameters / sum(agg.parameters) OVER (), 4) AS share_of_parameters
        FROM agg LEFT JOIN main USING (dtype)
        ORDER BY models_mostly_in_it DESC, agg.models DESC, agg.dtype
        """);

    /// <summary>Everything <c>stats</c> reports, in one value.</summary>
    public EcosystemSummary Summary(int top = 10)
    {
        var missing = Missing();
        return new EcosystemSummary(missing.Count > 0 ? missing[0].Models : Hub.Count(), missing, TopTasks(top), TopAuthors(top),
            SizeClusters(), SizeBins());
    }

    /// <summary>A parameter count the seed's way: 104K, 145M, 3.7B, 703B.</summary>
    public static string Short(long n) => n switch
    {
        >= 1_000_000_000_000 => Fmt(n / 1e12) + "T",
        >= 1_000_000_000 => Fmt(n / 1e9) + "B",
        >= 1_000_000 => Fmt(n / 1e6) + "M",
        >= 1_000 => Fmt(n / 1e3) + "K",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Fmt(double v) => v.ToString(v >= 100 ? "0" : v >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static List<SizeCluster> Groups(IReadOnlyList<(long Parameters, long Models)> sizes, int[] starts) =>
        starts.Select((s, g) =>
        {
            var end = (g + 1 < starts.Length ? starts[g + 1] : sizes.Count) - 1;
            var models = 0L;
            for (var i = s; i <= end; i++)
            {
                models += sizes[i].Models;
            }
            return new SizeCluster(sizes[s].Parameters, sizes[end].Parameters, models);
        }).ToList();
}
