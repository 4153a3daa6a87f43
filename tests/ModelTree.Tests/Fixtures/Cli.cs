using System.Diagnostics;
using System.Text;

namespace ModelTree.Tests.Fixtures;

/// <summary>
/// The workbook's command line run as a user runs it: a separate process of the built program, its exit code,
/// standard output and standard error apart.
/// </summary>
public static class Cli
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    /// <summary>The built program (the configuration the tests were built in).</summary>
    public static string Program
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release" : "Debug";
            return Path.Combine(TestPaths.RepoRoot, "lib", "ModelTree.Workbook", "bin", configuration, "net10.0", "ModelTree.Workbook.dll");
        }
    }

    /// <summary>
    /// Starts the program; the caller reads its output and waits. With <paramref name="interruptible"/>, the program
    /// gets Ctrl-C (SIGINT) even when this test process inherited it ignored, as every command started with <c>&amp;</c>
    /// from a script does (the shell ignores SIGINT for background jobs, and an ignored signal stays ignored across exec).
    /// </summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        bool interruptible = false)
    {
        var restore = interruptible && SigintIgnored();
        var start = new ProcessStartInfo(restore ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
        };
        if (restore)
        {
            start.ArgumentList.Add("--default-signal=INT"); // coreutils env: SIGINT back to its default, then exec (same process id)
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    // Linux's view of this process: SigIgn is a hexadecimal mask of ignored signals, SIGINT (2) is its second bit.
    private static bool SigintIgnored()
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    /// <summary>Runs the program to the end (at most <paramref name="timeout"/>).</summary>
    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        using var process = Start(args, workingDirectory, environment);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish. stdout: {stdout}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
