using System.Globalization;
using Microsoft.Data.Analysis;
using ModelTree.Data;
using ModelTree.Rules;

namespace ModelTree;

/// <summary>
/// Several rule sets scored on each file of a dataset folder and on all of them together: accuracy on the
/// Hub-labelled models, file by file. Notebook 06's central table (the refitted rules against the study's on the
/// real records) and the tests' per-family check are this.
/// </summary>
public sealed class RuleScoreboard
{
    private RuleScoreboard(string source, string dataLabel, IReadOnlyList<string> sets, IReadOnlyList<Row> rows)
    {
        Source = source;
        DataLabel = dataLabel;
        Sets = sets;
        Rows = rows;
    }

    /// <summary>One file (or <c>all</c>): its models, the Hub-labelled ones, and per rule set how many it gets right.</summary>
    public sealed record Row(string File, long Models, long HubLabelled, IReadOnlyList<Classification> Results)
    {
        /// <summary>Accuracy of each set, in <see cref="Sets"/> order (null when nothing is labelled).</summary>
        public IReadOnlyList<double?> Accuracy => Results.Select(r => r.Accuracy).ToList();
    }

    /// <summary>The folder or file scored.</summary>
    public string Source { get; }

    /// <summary>What the data is (<see cref="HubData.DataLabel"/>).</summary>
    public string DataLabel { get; }

    /// <summary>The rule sets' names, in column order.</summary>
    public IReadOnlyList<string> Sets { get; }

    /// <summary>One row per file, then <c>all</c> (when there are several).</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>Scores <paramref name="sets"/> on every data file of <paramref name="path"/> (a folder or one file).</summary>
    public static RuleScoreboard Score(string path, params RuleSet[] sets)
    {
        var options = new HubDataOptions { DatabasePath = ":memory:" };
        var rows = new List<Row>();
        string label;
        IReadOnlyList<string> files;
        using (var all = HubData.Open(path, options))
        {
            label = all.DataLabel;
            files = all.Files;
            if (files.Count > 1)
            {
                foreach (var file in files)
                {
                    using var one = HubData.Open(file, options);
                    rows.Add(RowOf(Path.GetFileName(file), one, sets));
                }
            }
            rows.Add(RowOf(files.Count > 1 ? "all" : Path.GetFileName(files[0]), all, sets));
        }
        return new RuleScoreboard(Path.GetFullPath(path), label, sets.Select(s => s.Name).ToList(), rows);
    }

    private static Row RowOf(string name, HubData hub, RuleSet[] sets)
    {
        var results = sets.Select(s => hub.Classify(s)).ToList();
        return new Row(name, results[0].Rows, results[0].Coverage.HubLabelled, results);
    }

    /// <summary>The accuracy of a set on a file (<c>all</c> for the whole folder).</summary>
    public double? this[string file, string set] =>
        Rows.Single(r => r.File == file).Accuracy[Sets.ToList().IndexOf(set)];

    /// <summary>The table: file, models, Hub-labelled, and one accuracy column per set, headed with the data's label.</summary>
    public DataFrame ToFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("file", Rows.Select(r => r.File)),
            new Int64DataFrameColumn("models", Rows.Select(r => r.Models)),
            new Int64DataFrameColumn("Hub-labelled", Rows.Select(r => r.HubLabelled)),
        };
        for (var i = 0; i < Sets.Count; i++)
        {
            var at = i;
            columns.Add(new StringDataFrameColumn($"{Sets[i]}: accuracy ({DataLabel})", Rows.Select(r => Format(r.Results[at]))));
        }
        return new DataFrame(columns);
    }

    private static string Format(Classification result) => result.Accuracy is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"{a:0.000} ({result.Confusion.Correct():#,0} of {result.Confusion.HubLabels.Where(l => l != Labels.None).Sum(result.Confusion.HubCount):#,0})")
        : "no labels";

    public override string ToString() =>
        string.Join(Environment.NewLine, Rows.Select(r =>
            $"{r.File}: {string.Join(", ", Sets.Select((s, i) => $"{s} {(r.Accuracy[i] is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}"))}"));
}
