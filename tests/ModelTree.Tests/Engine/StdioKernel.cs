using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Tests.Engine;

/// <summary>
/// A kernel process driven over the .NET Interactive stdio protocol the way the Polyglot extension drives it:
/// command envelopes written to stdin one per line, event envelopes read from stdout. The envelopes are built
/// and read here with System.Text.Json, independently of the kernel's own serializer.
/// </summary>
public sealed class StdioKernel : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private int next;

    private StdioKernel(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardInputEncoding = new UTF8Encoding(false);
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Lines the process printed on stdout that were not protocol envelopes (banners, build output).</summary>
    public List<string> OtherLines { get; } = [];

    /// <summary>What the process wrote on stderr so far, for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and waits for KernelReady.</summary>
    public static StdioKernel Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? readyTimeout = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var kernel = new StdioKernel(start);
        try
        {
            kernel.ReadUntil(e => (string?)e["eventType"] == "KernelReady", readyTimeout ?? TimeSpan.FromMinutes(3));
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
        return kernel;
    }

    /// <summary>
    /// Sends <c>SubmitCode</c> for one cell to <paramref name="kernelName"/> and returns every event of that
    /// command and its children, up to and including its CommandSucceeded or CommandFailed.
    /// </summary>
    public List<JsonObject> Submit(string kernelName, string code, TimeSpan? timeout = null)
    {
        var token = $"test-{++next}";
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
            ["routingSlip"] = new JsonArray(),
        };
        process.StandardInput.WriteLine(envelope.ToJsonString());
        process.StandardInput.Flush();
        var events = new List<JsonObject>();
        ReadUntil(e =>
        {
            var commandToken = (string?)e["command"]?["token"];
            if (commandToken is null || (commandToken != token && !commandToken.StartsWith(token + ".", StringComparison.Ordinal)))
            {
                return false;
            }
            events.Add(e);
            return commandToken == token && (string?)e["eventType"] is "CommandSucceeded" or "CommandFailed";
        }, timeout ?? TimeSpan.FromMinutes(5));
        return events;
    }

    private void ReadUntil(Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync();
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !read.Wait(remaining))
            {
                throw new TimeoutException($"The kernel did not answer within {timeout.TotalSeconds:0} s. stderr: {Stderr}");
            }
            var line = read.Result ?? throw new InvalidOperationException(
                $"The kernel ended (exit {(process.WaitForExit(5000) ? process.ExitCode : -1)}). stderr: {Stderr}; other output: {string.Join(" | ", OtherLines)}");
            JsonObject? envelope = null;
            try
            {
                envelope = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
            }
            if (envelope is null)
            {
                OtherLines.Add(line);
                continue;
            }
            if (done(envelope))
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close(); // the workbook kernel ends when stdin closes
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }
}
