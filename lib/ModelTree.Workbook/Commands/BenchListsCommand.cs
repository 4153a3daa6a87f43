using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelTree.Workbook.Runner;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// <c>bench lists</c>: the study's two file-list questions (6.1 and 6.2) in the forms notebook 05 shows, timed on one
/// connection with the workbook's memory limit: the study's UNNEST queries as written, the notebook's list-function
/// forms, and the list form one writes first (<c>LIKE</c> inside the lambda). The SQL is read from the notebook's cells,
/// so what is timed is what the notebook runs; each pair must return the same models.
/// </summary>
internal static partial class BenchListsCommand
{
    private static readonly string Notebook = Path.Combine("notebooks", "05-base-and-adapter.ipynb");

    /// <summary>The 6.1 question in the list form a reader writes first: <c>LIKE</c> per file inside <c>list_filter</c>.</summary>
    private const string LikeForm61 = """
        SELECT id FROM models
        WHERE len(list_filter(siblings, lambda r: lower(r.rfilename) LIKE '%model.safetensors%' OR lower(r.rfilename) LIKE '%pytorch_model.bin%')) > 0
          AND len(list_filter(siblings, lambda r: lower(r.rfilename) LIKE '%adapter_model%' OR lower(r.rfilename) LIKE '%adapter_config%')) > 0
        """;

    public static Command Create(Terminal terminal)
    {
        var rows = WholeNumber.Option("--rows", "Models in the generated table (made once under data/bench/).", BenchCommand.DefaultRows, minimum: 1);
        var runs = WholeNumber.Option("--runs", "Timed runs of each form, taken in turn (the median is reported).", 1, minimum: 1);
        var data = new Option<string?>("--data") { Description = "Time an existing .parquet or .jsonl instead (e.g. data/full/models.parquet)." };
        var format = FormatOption.TableOrJson("rows, memoryLimit, forms [{question, form, seconds, runs, models, ratio}]");
        var command = new Command("lists",
            "Time notebook 05's file-list questions (study 6.1 and 6.2) in each form it shows: the study's UNNEST queries as written, the " +
            "list-function forms beside them, and the 6.1 list form written with LIKE inside the lambda; each with and without the notebook's " +
            "LIMIT where it has one, on one connection with the workbook's memory limit. Prints each form's median seconds, the models it " +
            "returns and its ratio to the study's form; fails if a list form returns other models than the study's.")
        {
            rows, runs, data, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(data) ?? await BenchData.EnsureAsync(terminal, parse.GetValue(rows));
            var result = Run(terminal, path, parse.GetValue(runs));
            if (parse.GetValue(format) == "json")
            {
                terminal.Raw(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Print(terminal.Out, result);
            }
            return (bool)result["sameModels"]! ? 0 : 1;
        });
        return command;
    }

    private static JsonObject Run(Terminal terminal, string path, int runs)
    {
        var cells = NotebookDocument.Load(Path.Combine(WorkbookPaths.RepoRoot, Notebook)).Cells.Where(c => c.Kernel == "hub").Select(c => c.Source).ToList();
        string Cell(Func<string, bool> which) => cells.Single(which);
        var study61 = Cell(c => c.Contains("UNNEST(siblings) AS s(r)", StringComparison.Ordinal));
        var list61 = Cell(c => c.StartsWith("-- the study's 6.1 question", StringComparison.Ordinal));
        var study62 = Cell(c => c.Contains("UNNEST(m.siblings)", StringComparison.Ordinal));
        var list62 = Cell(c => c.StartsWith("-- the study's 6.2 question", StringComparison.Ordinal));
        var forms = new (string Question, string Form, string Sql)[]
        {
            ("6.1", "study: UNNEST, GROUP BY id (as written)", study61),
            ("6.1", "list_filter with LIKE per file", LikeForm61),
            ("6.1", "notebook's list form: lower once, contains, list_bool_or", list61),
            ("6.2", "study: UNNEST, GROUP BY id, tags, LIMIT 10 (as written)", study62),
            ("6.2", "notebook's list form, LIMIT 10", list62),
            ("6.2", "study without LIMIT (every match)", WithoutLimit(study62)),
            ("6.2", "list form without LIMIT (every match)", WithoutLimit(list62)),
        };

        using var hub = DataOption.Open(path, terminal.Error);
        var times = forms.Select(_ => new List<double>()).ToArray();
        var ids = new SortedSet<string>[forms.Length];
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < forms.Length; i++)
            {
                terminal.Error.WriteLine($"run {run + 1}/{runs}: {forms[i].Question} {forms[i].Form}");
                var clock = Stopwatch.StartNew();
                var found = new SortedSet<string>(StringComparer.Ordinal);
                using (var reader = hub.Reader(forms[i].Sql))
                {
                    var id = reader.GetOrdinal("id");
                    while (reader.Read())
                    {
                        found.Add(reader.GetString(id));
                    }
                }
                times[i].Add(clock.Elapsed.TotalSeconds);
                ids[i] = found;
            }
        }

        var same = ids[0].SetEquals(ids[1]) && ids[0].SetEquals(ids[2]) && ids[5].SetEquals(ids[6]);
        var medians = times.Select(BenchCommand.Median).ToArray();
        var study = new Dictionary<string, double> { ["6.1"] = medians[0], ["6.2 limit"] = medians[3], ["6.2 all"] = medians[5] };
        string StudyOf(int i) => forms[i].Question == "6.1" ? "6.1" : i is 3 or 4 ? "6.2 limit" : "6.2 all";
        return new JsonObject
        {
            ["rows"] = hub.Count(),
            ["memoryLimit"] = hub.Scalar<string>("SELECT current_setting('memory_limit')"),
            ["cores"] = Environment.ProcessorCount,
            ["sameModels"] = same,
            ["forms"] = new JsonArray(forms.Select((f, i) => (JsonNode)new JsonObject
            {
                ["question"] = f.Question,
                ["form"] = f.Form,
                ["seconds"] = Math.Round(medians[i], 2),
                ["runs"] = new JsonArray(times[i].Select(t => (JsonNode)Math.Round(t, 2)).ToArray()),
                ["models"] = ids[i].Count,
                ["ratio"] = Math.Round(medians[i] / study[StudyOf(i)], 2),
            }).ToArray()),
        };
    }

    [GeneratedRegex(@"\s*LIMIT\s+10\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLimit();

    private static string WithoutLimit(string sql) => TrailingLimit().Replace(sql, "");

    private static void Print(IAnsiConsole console, JsonObject r)
    {
        console.MarkupLineInterpolated(
            $"[bold]{(long)r["rows"]!:N0} models[/] on {(int)r["cores"]!} cores, memory limit {(string)r["memoryLimit"]!}; ratio is to the study's form of the same question");
        var table = new Table().AddColumns("question", "form", "median s", "models", "ratio");
        foreach (var f in r["forms"]!.AsArray())
        {
            table.AddRow((string)f!["question"]!, Markup.Escape((string)f["form"]!),
                ((double)f["seconds"]!).ToString("0.00", CultureInfo.InvariantCulture),
                ((int)f["models"]!).ToString("N0", CultureInfo.InvariantCulture),
                ((double)f["ratio"]!).ToString("0.00", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.MarkupLine((bool)r["sameModels"]! ? "[green]each list form returns the study's models[/]" : "[red]a list form returns other models than the study's[/]");
    }
}
