using System.Globalization;
using ModelTree.Fetch.Family;
using ModelTree.Records;

namespace ModelTree.Workbook.Commands;

/// <summary><c>fetch family &lt;model-id&gt;</c>: one family's model records from the Hub API, as JSON Lines that <c>--data</c> opens.</summary>
internal static class FetchFamilyCommand
{
    public static Command Create(Terminal terminal)
    {
        var root = new Argument<string>("model-id") { Description = "The root of the family, owner/name (e.g. microsoft/phi-2)." };
        var depth = new Option<string?>("--depth") { Description = "Generations below the root to follow (0: the root alone). Default: no limit, up to --max-models." };
        var relations = new Option<string>("--relations")
        {
            Description = "Which derivative listings to follow, comma-separated.",
            DefaultValueFactory = _ => string.Join(",", Relations.Known),
        };
        var output = new Option<string?>("--out")
        {
            Description = "JSON Lines file to write (default data/full/families/<owner>--<name>.jsonl, git-ignored). If it exists, the walk resumes: " +
                "models already in it are not asked for again.",
        };
        var tokenEnv = new Option<string?>("--token-env")
        {
            Description = "Name of the environment variable holding a Hub token (default HF_TOKEN, used when set). The token is sent to the " +
                "endpoint only, and never printed or written.",
        };
        var endpoint = new Option<string>("--endpoint") { Description = "The Hub API's address.", DefaultValueFactory = _ => FamilyCrawlOptions.DefaultEndpoint };
        var maxModels = new Option<string?>("--max-models") { Description = "Stop at this many records in the file and say how many were still queued (default 1000)." };
        var rate = new Option<string?>("--rate")
        {
            Description = $"Requests a second at most (default {FamilyCrawlOptions.DefaultRequestsPerSecond.ToString(CultureInfo.InvariantCulture)}, " +
                "under the Hub's anonymous limit of 500 per 5 minutes; a logged-in account may go to 3).",
        };
        var command = new Command("family",
            "Collect one model family from the Hub API: from the root, list each model's derivatives per relation (finetune, adapter, " +
            "quantized, merge), read each model's info once, and append one hub-stats-shaped record per line (baseModels as the API gives " +
            "it, else derived from the base_model:<relation>:<id> tags). Polite pace, waits on 429 as Retry-After says, retries 5xx and " +
            "broken connections; gated, private and deleted models are skipped and listed; a rerun resumes. Open the file with " +
            "`run --data <file>`. Each model costs one request plus one per relation listed: at the default pace a family of N models " +
            "takes about N x 3.3 s.")
        {
            root, depth, relations, output, tokenEnv, endpoint, maxModels, rate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(root)!;
            var options = new FamilyCrawlOptions
            {
                RootId = id,
                OutPath = OutPath(parse.GetValue(output), id),
                Depth = WholeNumber(parse.GetValue(depth), "--depth", 0),
                Relations = [.. parse.GetValue(relations)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(r => r.ToLowerInvariant())],
                MaxModels = WholeNumber(parse.GetValue(maxModels), "--max-models", 1) ?? 1000,
                RequestsPerSecond = Rate(parse.GetValue(rate)),
                Endpoint = Endpoint(parse.GetValue(endpoint)!),
                Token = Token(parse.GetValue(tokenEnv), out var tokenNote),
            };
            if (!terminal.Out.Profile.Capabilities.Interactive)
            {
                // Output to a file or a pipe: keep each message on one line (no wrapping at 80 columns).
                terminal.Out.Profile.Width = 4096;
            }
            terminal.Out.MarkupLineInterpolated($"family of {id} from {options.Endpoint.Host}, {tokenNote}\n      to {Path.GetFullPath(options.OutPath)}");
            CrawlResult? result = null;
            await terminal.Out.Status().StartAsync("starting", async ctx =>
            {
                result = await FamilyCrawler.CrawlAsync(options, new StatusProgress(terminal.Out, ctx), cancellationToken);
            });
            Report(terminal.Out, result!, options);
            return 0;
        });
        return command;
    }

    private static string OutPath(string? given, string id)
    {
        if (given is not null && string.IsNullOrWhiteSpace(given))
        {
            throw new ModelTreeException("fetch family: --out is empty; give the JSON Lines file to write, e.g. --out phi-2.jsonl.");
        }
        return Path.GetFullPath(given ?? Path.Combine(WorkbookPaths.RepoRoot, "data", "full", "families", id.Replace("/", "--") + ".jsonl"));
    }

    /// <summary>A whole-number option, said in words when it is not one.</summary>
    internal static int? WholeNumber(string? text, string name, int min)
    {
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ModelTreeException($"fetch family: {name} '{text}' is not a whole number of {min} or more.");
        }
        return value;
    }

    private static double Rate(string? text)
    {
        if (text is null)
        {
            return FamilyCrawlOptions.DefaultRequestsPerSecond;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || value > 100)
        {
            throw new ModelTreeException($"fetch family: --rate '{text}' is not a number of requests a second (more than 0, at most 100), e.g. --rate 1.5.");
        }
        return value;
    }

    private static Uri Endpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ModelTreeException($"fetch family: --endpoint '{text}' is not an http(s) address.");

    /// <summary>The token from the named variable (HF_TOKEN when none is named); a named variable that is unset is an error.</summary>
    private static string? Token(string? variable, out string note)
    {
        var name = variable ?? "HF_TOKEN";
        var token = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(token))
        {
            if (variable is not null)
            {
                throw new ModelTreeException($"fetch family: --token-env names {variable}, which is not set; set it to a Hub token or leave the option out.");
            }
            note = "anonymous (no HF_TOKEN: gated and private models are skipped)";
            return null;
        }
        note = $"with the token in ${name}";
        return token.Trim();
    }

    private static void Report(IAnsiConsole console, CrawlResult r, FamilyCrawlOptions options)
    {
        var earlier = r.AlreadyThere > 0 ? $" ({r.Written:N0} new, {r.AlreadyThere:N0} from an earlier run)" : "";
        console.MarkupLineInterpolated($"[green]done:[/] {r.OutPath}: {r.Records:N0} records{earlier}, {r.Requests:N0} requests, {r.Elapsed:hh\\:mm\\:ss}");
        if (r.RepairedLine)
        {
            console.MarkupLine("the file ended in a half-written line (an interrupted run); it was removed and that model read again");
        }
        if (r.BaseModelsDerived > 0)
        {
            console.MarkupLineInterpolated(
                $"baseModels: the API did not give it for {r.BaseModelsDerived:N0} of the new records; derived from their base_model:<relation>:<id> tags");
        }
        foreach (var s in r.Skipped)
        {
            console.MarkupLineInterpolated($"[yellow]skipped[/] {s.Id}: {s.Reason}");
        }
        if (r.StoppedAtCap)
        {
            console.MarkupLineInterpolated(
                $"[yellow]stopped at --max-models {options.MaxModels:N0}[/] with {r.StillQueued:N0} or more models still to read; run again with a higher --max-models to go on (what is written is kept)");
        }
        console.MarkupLineInterpolated($"open it: dotnet run --project lib/ModelTree.Workbook -- run 07-model-trees --data {r.OutPath}");
    }

    private sealed class StatusProgress(IAnsiConsole console, StatusContext ctx) : IProgress<CrawlProgress>
    {
        private readonly bool _live = console.Profile.Capabilities.Interactive;
        private TimeSpan? _shown;

        public void Report(CrawlProgress p)
        {
            if (p.Note is not null)
            {
                console.MarkupLineInterpolated($"[grey]{p.Note}[/]");
            }
            if (!_live && _shown is { } shown && p.Elapsed - shown < TimeSpan.FromSeconds(10) && p.Queued > 0)
            {
                // Without a terminal each status is a line of its own: one every ten seconds is enough for a log.
                return;
            }
            _shown = p.Elapsed;
            ctx.Status($"models {p.ModelsDone:N0} · queued {p.Queued:N0} · requests {p.Requests:N0} · skipped {p.Skipped:N0} · {p.Elapsed:hh\\:mm\\:ss}");
        }
    }
}
