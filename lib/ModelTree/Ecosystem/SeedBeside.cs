using System.Globalization;
using Microsoft.Data.Analysis;
using ModelTree.Ecosystem;

namespace ModelTree;

/// <summary>
/// The seed's figures beside this data's, question by question, as tables whose columns say where each figure comes
/// from (<see cref="SeedEcosystem.Label"/> and the data's label), and the seed's observations re-checked.
/// </summary>
public static class SeedBeside
{
    /// <summary>A label for the data: synthetic sample, real records or a hub-stats snapshot, with the month of its latest change.</summary>
    public static string DataLabel(HubData hub)
    {
        var latest = hub.Scalar<string?>("SELECT strftime(max(coalesce(lastModified, createdAt)), '%B %Y') FROM models");
        var when = string.IsNullOrEmpty(latest) ? "" : $", latest change {latest}";
        return hub.IsSynthetic ? "this data: synthetic sample"
            : hub.Kind == Data.DataKind.Parquet ? $"this data: hub-stats snapshot{when}"
            : $"this data: real records (Hub API){when}";
    }

    /// <summary>The share missing per field: the seed's (parameters and task only) beside this data's.</summary>
    public static DataFrame Missing(IReadOnlyList<MissingShare> missing, string label) => new(
        new StringDataFrameColumn("field", missing.Select(m => m.Field)),
        new StringDataFrameColumn(SeedEcosystem.Label, missing.Select(m => m.Field switch
        {
            "parameters" => $"{1 - ((double)SeedEcosystem.WithSize / SeedEcosystem.Models):P1} ({SeedEcosystem.Models - SeedEcosystem.WithSize:N0} of {SeedEcosystem.Models:N0}; \"more than 60%\")",
            "task" => "about 25% (\"about a quarter\")",
            _ => "not reported",
        })),
        new StringDataFrameColumn(label, missing.Select(m => $"{m.Share:P1} ({m.Missing:N0} of {m.Models:N0})")));

    /// <summary>The top tasks by rank: the seed's five beside this data's.</summary>
    public static DataFrame TopTasks(IReadOnlyList<NamedCount> ours, string label) => Ranks(SeedEcosystem.TopTasks, ours, label);

    /// <summary>The top authors by rank: the seed's five beside this data's, and Qwen's rank in both.</summary>
    public static DataFrame TopAuthors(IReadOnlyList<NamedCount> ours, long? qwenRank, string label)
    {
        var frame = Ranks(SeedEcosystem.TopAuthors, ours, label);
        var qwen = new DataFrame(
            new StringDataFrameColumn("rank", ["Qwen's rank"]),
            new StringDataFrameColumn(SeedEcosystem.Label, [SeedEcosystem.QwenRank.ToString(CultureInfo.InvariantCulture)]),
            new StringDataFrameColumn(label, [qwenRank is { } r ? r.ToString(CultureInfo.InvariantCulture) : "no Qwen models"]));
        return frame.Append(qwen.Rows, inPlace: false);
    }

    /// <summary>The seed's five size bins: its counts and shares beside this data's.</summary>
    public static DataFrame SizeBins(IReadOnlyList<SizeCluster> bins, string label)
    {
        var seedTotal = SeedEcosystem.SizeClusters.Sum(c => c.Models);
        var total = bins.Sum(b => b.Models);
        return new DataFrame(
            new StringDataFrameColumn("seed's range", SeedEcosystem.SizeClusters.Select(c => c.Range)),
            new StringDataFrameColumn(SeedEcosystem.Label, SeedEcosystem.SizeClusters.Select(c => $"{c.Models:N0} ({(double)c.Models / seedTotal:P1})")),
            new StringDataFrameColumn(label, bins.Select(b => $"{b.Models:N0} ({(total == 0 ? 0 : (double)b.Models / total):P1})")),
            new StringDataFrameColumn("this data's smallest - largest", bins.Select(b => b.Models == 0 ? "" : b.Range)));
    }

    /// <summary>
    /// The seed's observations on downloads, likes and authors, re-checked on this data. "Upper right" and "upper left"
    /// are read as the seed's charts show them: among the <paramref name="top"/> tasks (or authors) with the most models,
    /// mean downloads and mean likes above or below the median of those groups' means.
    /// </summary>
    public static IReadOnlyList<Observation> Observations(EcosystemStats stats, int top = 20)
    {
        var tasks = Groups(stats.Popularity(PopularityBy.Task, top));
        var authors = Groups(stats.Popularity(PopularityBy.Author, top));
        var list = new List<Observation>();

        string Quadrant(Group g, Quadrants q) =>
            $"{g.Name}: mean downloads {g.Downloads:N0} ({(g.Downloads > q.Downloads ? "above" : "below")} the median {q.Downloads:N0}), " +
            $"mean likes {g.Likes:N1} ({(g.Likes > q.Likes ? "above" : "below")} the median {q.Likes:N1})";
        Observation Check(string claim, string[] names, Func<Group, Quadrants, bool> test, List<Group> groups, string what)
        {
            var q = new Quadrants(Median(groups.Select(g => g.Downloads)), Median(groups.Select(g => g.Likes)));
            var found = names.Select(n => groups.FirstOrDefault(g => string.Equals(g.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
            var missing = names.Where((n, i) => found[i] is null).ToList();
            var present = found.OfType<Group>().ToList();
            var text = string.Join("; ", present.Select(g => Quadrant(g, q)).Concat(missing.Select(n => $"{n}: not among the {top} {what} with the most models")));
            var holds = present.Count == 0 ? "cannot tell" : present.All(g => test(g, q)) ? (missing.Count == 0 ? "yes" : "yes, for those present") : "no";
            return new Observation(claim, text, holds);
        }

        list.Add(Check(SeedEcosystem.Observations[0], ["zero-shot-image-classification", "sentence-similarity"],
            (g, q) => g.Downloads > q.Downloads && g.Likes > q.Likes, tasks, "tasks"));
        list.Add(Check(SeedEcosystem.Observations[1], ["image-to-image", "text-to-speech"],
            (g, q) => g.Downloads <= q.Downloads && g.Likes > q.Likes, tasks, "tasks"));
        list.Add(Check(SeedEcosystem.Observations[2], ["text-classification", "translation"],
            (g, q) => g.Likes <= q.Likes, tasks, "tasks"));

        string Leader(Func<Group, double> by) => authors.Count == 0 ? "(none)" : authors.OrderByDescending(by).ThenBy(g => g.Name, StringComparer.Ordinal).First().Name;
        Observation Leads(string claim, string expected, Func<Group, double> by, string measure)
        {
            var leader = Leader(by);
            var group = authors.FirstOrDefault(g => string.Equals(g.Name, expected, StringComparison.OrdinalIgnoreCase));
            var text = $"highest {measure} among the {authors.Count} authors with the most models: {leader} ({by(authors.First(g => g.Name == leader)):N1})" +
                (group is null ? $"; {expected} is not among them" : leader.Equals(expected, StringComparison.OrdinalIgnoreCase) ? "" : $"; {expected}: {by(group):N1}");
            return new Observation(claim, authors.Count == 0 ? "no authors" : text,
                authors.Count == 0 ? "cannot tell" : leader.Equals(expected, StringComparison.OrdinalIgnoreCase) ? "yes" : "no");
        }
        list.Add(Leads(SeedEcosystem.Observations[3], "microsoft", g => g.Downloads, "mean downloads"));
        list.Add(Leads(SeedEcosystem.Observations[4], "Qwen", g => g.Likes, "mean likes"));
        list.Add(Leads(SeedEcosystem.Observations[5], "TheBloke", g => g.Models, "model count"));
        return list;
    }

    /// <summary>
    /// Every claim of the seed re-checked, in its order: missing metadata, the top tasks and authors, the size clusters,
    /// then <see cref="Observations"/> (downloads and likes).
    /// </summary>
    public static IReadOnlyList<Observation> Recheck(EcosystemStats stats, int top = 20)
    {
        var missing = stats.Missing().ToDictionary(m => m.Field);
        var tasks = stats.TopTasks(Math.Max(5, top));
        var authors = stats.TopAuthors(Math.Max(5, top));
        var bins = stats.SizeBins();
        var list = new List<Observation>();
        string Yes(bool b) => b ? "yes" : "no";

        var size = missing["parameters"];
        list.Add(new Observation("more than 60% of models publish no size", $"{size.Share:P1} have no parameter count", Yes(size.Share > 0.6)));
        var task = missing["task"];
        list.Add(new Observation("about a quarter of models state no task", $"{task.Share:P1} have no pipeline_tag", Yes(task.Share is >= 0.2 and <= 0.3)));

        if (tasks.Count >= 2)
        {
            list.Add(new Observation("text-generation has far more models than any other task",
                $"first: {tasks[0].Name} ({tasks[0].Models:N0}), second: {tasks[1].Name} ({tasks[1].Models:N0})",
                Yes(tasks[0].Name == "text-generation" && tasks[0].Models >= 2 * tasks[1].Models)));
        }
        var ourTasks = tasks.Take(5).Select(t => t.Name).ToList();
        var sharedTasks = SeedEcosystem.TopTasks.Intersect(ourTasks).ToList();
        list.Add(new Observation("the top five tasks: " + string.Join(", ", SeedEcosystem.TopTasks),
            $"this data's top five: {string.Join(", ", ourTasks)}; {sharedTasks.Count} of the seed's five among them",
            sharedTasks.Count == 5 ? (ourTasks.SequenceEqual(SeedEcosystem.TopTasks) ? "yes" : "yes, in another order") : sharedTasks.Count >= 3 ? "partly" : "no"));
        var ourAuthors = authors.Take(5).Select(a => a.Name).ToList();
        var sharedAuthors = SeedEcosystem.TopAuthors.Intersect(ourAuthors, StringComparer.OrdinalIgnoreCase).ToList();
        list.Add(new Observation("the top five authors: " + string.Join(", ", SeedEcosystem.TopAuthors),
            $"this data's top five: {string.Join(", ", ourAuthors)}; {sharedAuthors.Count} of the seed's five among them",
            sharedAuthors.Count == 5 ? "yes" : sharedAuthors.Count >= 3 ? "partly" : "no"));
        var qwen = stats.AuthorRank("Qwen");
        list.Add(new Observation("Qwen ranks 20th by model count", qwen is { } r ? $"Qwen ranks {r}" : "no Qwen models",
            qwen is null ? "cannot tell" : Yes(qwen is >= 15 and <= 25)));
        if (bins.Sum(b => b.Models) > 0)
        {
            var largest = bins.Select((b, i) => (b, i)).OrderByDescending(p => p.b.Models).First().i;
            list.Add(new Observation("the 3.7B - 20.9B bin holds the most sized models (4,708 of 9,022)",
                $"largest bin here: {SeedEcosystem.SizeClusters[largest].Range} ({bins[largest].Models:N0} of {bins.Sum(b => b.Models):N0})", Yes(largest == 3)));
        }
        list.AddRange(Observations(stats, top));
        return list;
    }

    /// <summary>The observations as a table: the seed's claim, this data's figures, holds.</summary>
    public static DataFrame ObservationsFrame(IReadOnlyList<Observation> observations, string label) => new(
        new StringDataFrameColumn($"{SeedEcosystem.Label} observes", observations.Select(o => o.Claim)),
        new StringDataFrameColumn(label, observations.Select(o => o.ThisData)),
        new StringDataFrameColumn("holds here?", observations.Select(o => o.Holds)));

    private sealed record Group(string Name, double Models, double Downloads, double Likes);

    private sealed record Quadrants(double Downloads, double Likes);

    private static List<Group> Groups(DataFrame frame)
    {
        var list = new List<Group>();
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            list.Add(new Group((string)frame.Columns[0][i], Convert.ToDouble(frame["models"][i], CultureInfo.InvariantCulture),
                Convert.ToDouble(frame["mean_downloads"][i], CultureInfo.InvariantCulture), Convert.ToDouble(frame["mean_likes"][i], CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static DataFrame Ranks(IReadOnlyList<string> seed, IReadOnlyList<NamedCount> ours, string label)
    {
        var n = Math.Max(seed.Count, Math.Min(ours.Count, 10));
        return new DataFrame(
            new StringDataFrameColumn("rank", Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture))),
            new StringDataFrameColumn(SeedEcosystem.Label, Enumerable.Range(0, n).Select(i => i < seed.Count ? seed[i] : "")),
            new StringDataFrameColumn(label, Enumerable.Range(0, n).Select(i => i < ours.Count ? $"{ours[i].Name} ({ours[i].Models:N0})" : "")));
    }
}
