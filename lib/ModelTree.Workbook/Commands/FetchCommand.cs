using ModelTree.Fetch;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// <c>fetch</c>: gets real Hub data. <c>fetch</c> (or <c>fetch hub-stats</c>) downloads the hub-stats
/// models.parquet; <c>fetch family</c> collects one family's model records from the Hub API.
/// </summary>
internal static class FetchCommand
{
    private const string HubStatsHelp =
        "Download the real hub-stats models.parquet (about 1.4 GB) with progress. An interrupted download is kept as <out>.part " +
        "and resumed by the next run only if the server still has the same file (If-Range with its ETag); otherwise it starts over. " +
        "The file is checked (size, sha256 when the Hub gives it, parquet markers) before it is moved into place.";

    public static Command Create(Terminal terminal)
    {
        var command = new Command("fetch", HubStatsHelp + " Subcommands: `fetch hub-stats` (the same), `fetch family <model-id>` " +
            "(one family's records from the Hub API, when the whole file is too big or gone).");
        AddHubStats(terminal, command);
        command.Add(AddHubStats(terminal, new Command("hub-stats", HubStatsHelp)));
        command.Add(FetchFamilyCommand.Create(terminal));
        return command;
    }

    private static Command AddHubStats(Terminal terminal, Command command)
    {
        var url = new Option<string>("--url")
        {
            Description = "Where to download from (any hub-stats snapshot of models.parquet).",
            DefaultValueFactory = _ => FetchOptions.DefaultUrl,
        };
        var revision = new Option<string?>("--revision")
        {
            Description = "A commit of the dataset's history: downloads that day's snapshot (…/resolve/<commit>/models.parquet) " +
                "instead of the newest. The commit of each download is printed at the end.",
        };
        var output = new Option<string?>("--out") { Description = "Where to put the file (default data/full/models.parquet, git-ignored)." };
        var force = new Option<bool>("--force") { Description = "Download again even if the file is already there (replaced only once the new one is complete)." };
        command.Add(url);
        command.Add(revision);
        command.Add(output);
        command.Add(force);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ModelTreeException($"fetch: --url '{parse.GetValue(url)}' is not an http(s) address.");
            }
            if (parse.GetValue(revision) is { } commit)
            {
                uri = FetchOptions.AtRevision(uri, commit);
            }
            var outPath = parse.GetValue(output) ?? WorkbookPaths.FullDataPath;
            if (string.IsNullOrWhiteSpace(outPath))
            {
                throw new ModelTreeException("fetch: --out is empty; give the file to write, e.g. --out data/full/models.parquet.");
            }
            var options = new FetchOptions
            {
                Url = uri,
                OutPath = Path.GetFullPath(outPath),
                Force = parse.GetValue(force),
            };
            terminal.Out.MarkupLineInterpolated($"fetching {uri}\n      to {options.OutPath}");
            FetchResult? result = null;
            await terminal.Out.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                    new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("models.parquet", maxValue: 1);
                    task.IsIndeterminate = true;
                    var progress = new Progress(task);
                    result = await HubFetcher.DownloadAsync(options, progress, cancellationToken);
                    task.Value = task.MaxValue;
                });
            Report(terminal.Out, result!);
            return 0;
        });
        return command;
    }

    private static void Report(IAnsiConsole console, FetchResult r)
    {
        var checks = r.Sha256 is null ? "size and parquet markers checked (the server gave no sha256)" : $"sha256 {r.Sha256} checked";
        console.MarkupLineInterpolated($"[green]done:[/] {r.Path}, {r.Bytes:N0} bytes, {checks}");
        if (r.ResumedFrom > 0)
        {
            console.MarkupLineInterpolated($"resumed after {r.ResumedFrom:N0} bytes (the server still had the same file)");
        }
        else if (r.Restarted)
        {
            console.MarkupLineInterpolated($"downloaded again from the start: {r.RestartReason}");
        }
        if (r.Commit is not null)
        {
            console.MarkupLineInterpolated($"snapshot: commit {r.Commit} (pass --revision {r.Commit} to get this same file again)");
        }
    }

    private sealed class Progress(ProgressTask task) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value)
        {
            if (value.BytesTotal is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
            }
            else if (task.MaxValue < value.BytesDone)
            {
                task.MaxValue = value.BytesDone;
            }
            task.Value = value.BytesDone;
        }
    }
}
