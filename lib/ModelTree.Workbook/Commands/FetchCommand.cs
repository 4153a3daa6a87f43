using System.CommandLine;
using ModelTree.Fetch;
using Spectre.Console;

namespace ModelTree.Workbook.Commands;

/// <summary><c>fetch</c>: downloads the real hub-stats models.parquet (about 0.9 GB).</summary>
public static class FetchCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "Where to download from (any hub-stats snapshot of models.parquet).",
            DefaultValueFactory = _ => FetchOptions.DefaultUrl,
        };
        var output = new Option<string?>("--out") { Description = "Where to put the file (default data/full/models.parquet, git-ignored)." };
        var force = new Option<bool>("--force") { Description = "Download again even if the file is already there (replaced only once the new one is complete)." };
        var command = new Command("fetch",
            "Download the real hub-stats models.parquet (about 0.9 GB) with progress. An interrupted download is kept as <out>.part " +
            "and resumed by the next run; the file is checked (size, parquet markers) before it is moved into place.")
        {
            url, output, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ModelTreeException($"fetch: --url '{parse.GetValue(url)}' is not an http(s) address.");
            }
            var options = new FetchOptions
            {
                Url = uri,
                OutPath = Path.GetFullPath(parse.GetValue(output) ?? WorkbookPaths.FullDataPath),
                Force = parse.GetValue(force),
            };
            AnsiConsole.MarkupLineInterpolated($"fetching {uri}\n      to {options.OutPath}");
            FetchResult? result = null;
            await AnsiConsole.Progress()
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
            var r = result!;
            var note = r.ResumedFrom > 0 ? $" (resumed after {r.ResumedFrom:N0} bytes)" : r.Restarted ? " (the server ignored the resume request; downloaded again from the start)" : "";
            AnsiConsole.MarkupLineInterpolated($"[green]done:[/] {r.Path}, {r.Bytes:N0} bytes, checked{note}");
            return 0;
        });
        return command;
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
