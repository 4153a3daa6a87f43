using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Runner;

/// <summary>
/// <c>run</c> given bad input or meeting a fault, as a user meets it: the program's exit code, the one error line on
/// standard error, and what was (not) written or lost.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class RunFaultTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Notebook(NotebookBuilder builder, string name = "01-test.ipynb") => builder.WriteTo(temp.Combine("nb"), name);

    private static void AssertError(Cli.Result result, params string[] words)
    {
        Assert.True(result.Exit == 1, result.ToString());
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count >= 1, result.ToString());
        foreach (var word in words)
        {
            Assert.Contains(word, string.Join("\n", errors));
        }
        Assert.DoesNotContain("   at ", result.Err); // no stack trace
        Assert.DoesNotContain("Unhandled exception", result.Err);
    }

    [Fact]
    public void Out_naming_an_existing_file_is_refused_before_running_and_the_file_is_kept()
    {
        var file = temp.Combine("results.txt");
        File.WriteAllText(file, "mine");

        var result = Cli.Run(["run", Notebook(new NotebookBuilder().CSharp("1")), "--out", file]);

        AssertError(result, "is a file", file);
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.DoesNotContain("cell 1", result.Out); // nothing ran
    }

    [Fact]
    public void Out_that_cannot_be_created_or_written_is_refused_before_running()
    {
        var blocker = temp.Combine("a-file");
        File.WriteAllText(blocker, "x");

        var underFile = Cli.Run(["run", Notebook(new NotebookBuilder().CSharp("1")), "--out", Path.Combine(blocker, "out")]);
        var unwritable = Cli.Run(["run", Notebook(new NotebookBuilder().CSharp("1")), "--out", "/proc/self"]);

        AssertError(underFile, "cannot create the output folder");
        AssertError(unwritable, "/proc/self");
        Assert.DoesNotContain("cell 1", underFile.Out + unwritable.Out);
    }

    [Fact]
    public void Empty_data_and_empty_out_are_refused_in_words()
    {
        var notebook = Notebook(new NotebookBuilder().CSharp("1"));

        AssertError(Cli.Run(["run", notebook, "--data", ""]), "--data is empty");
        AssertError(Cli.Run(["run", notebook, "--out", ""]), "--out is empty");
    }

    [Fact]
    public void Out_in_the_repository_or_its_notebooks_folder_is_refused_and_no_source_notebook_changes()
    {
        var source = Path.Combine(TestPaths.RepoRoot, "notebooks", "03-verify.ipynb");
        var before = File.ReadAllText(source);

        var root = Cli.Run(["run", "03-verify", "--out", "."], workingDirectory: TestPaths.RepoRoot);
        var notebooks = Cli.Run(["run", "03-verify", "--out", "notebooks"], workingDirectory: TestPaths.RepoRoot);

        AssertError(root, "the repository itself");
        AssertError(notebooks, "notebooks/");
        Assert.Equal(before, File.ReadAllText(source));
    }

    [Fact]
    public void A_run_of_some_notebooks_gets_its_own_folder_and_a_report_that_says_it_is_partial()
    {
        var env = new Dictionary<string, string> { ["MODELTREE_OUT"] = temp.Combine("out") };

        var result = Cli.Run(["run", Notebook(new NotebookBuilder().Markdown("# One").CSharp("1 + 1"), "05-one.ipynb")], environment: env);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(temp.Combine("out", "05-one", "report.html")));
        Assert.False(File.Exists(temp.Combine("out", "report.html"))); // the whole workbook's report is not replaced
        Assert.Contains("This report holds 1 of the workbook's", File.ReadAllText(temp.Combine("out", "05-one", "report.html")));
    }

    [Fact]
    public void A_second_run_into_the_same_folder_replaces_only_the_first_runs_files_and_says_so()
    {
        var exportOnce = "if (!System.IO.File.Exists(\"/tmp/never-there\")) System.IO.File.WriteAllText(System.IO.Path.Combine(Environment.GetEnvironmentVariable(\"MODELTREE_OUT\")!, \"first-only.csv\"), \"a\");";
        var first = Notebook(new NotebookBuilder().CSharp(exportOnce), "01-first.ipynb");
        var second = Notebook(new NotebookBuilder().CSharp("2"), "02-second.ipynb");
        var output = temp.Combine("out");

        Assert.Equal(0, Cli.Run(["run", first, "--out", output]).Exit);
        File.WriteAllText(Path.Combine(output, "my-notes.txt"), "keep me");
        var again = Cli.Run(["run", second, "--out", output]);

        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("replacing the outputs of the run finished", again.Out);
        Assert.False(File.Exists(Path.Combine(output, "first-only.csv")));            // the earlier run's export
        Assert.False(File.Exists(Path.Combine(output, "notebooks", "01-first.ipynb"))); // and its notebook are gone
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(output, "my-notes.txt"))); // nothing else is touched
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run.json")))!;
        Assert.Equal(["02-second.ipynb"], manifest["notebooks"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void A_folder_holding_other_files_and_no_earlier_run_is_refused()
    {
        var output = temp.Combine("busy");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "thesis.docx"), "years of work");

        var result = Cli.Run(["run", Notebook(new NotebookBuilder().CSharp("1")), "--out", output]);

        AssertError(result, "not empty", "thesis.docx");
        Assert.Equal(["thesis.docx"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void A_second_run_into_a_folder_being_written_gets_the_lock_message_and_writes_nothing()
    {
        var output = temp.Combine("out");
        Directory.CreateDirectory(output);
        using (new FileStream(Path.Combine(output, ".run.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            var result = Cli.Run(["run", Notebook(new NotebookBuilder().CSharp("1")), "--out", output]);

            AssertError(result, "another run is writing into");
        }
        Assert.False(File.Exists(Path.Combine(output, "report.html")));
        Assert.False(File.Exists(Path.Combine(output, "run.json")));
    }

    [Fact]
    public void A_run_that_finds_the_workbook_database_held_by_another_program_stops_before_writing_and_leaves_the_earlier_outputs()
    {
        // A workbook of its own (the solution file marks the root), so holding its database disturbs no other test.
        var root = temp.Combine("workbook");
        Directory.CreateDirectory(Path.Combine(root, "data", "work"));
        File.WriteAllText(Path.Combine(root, "ModelTreeWorkbook.slnx"), "<Solution />");
        var notebook = new NotebookBuilder().CSharp("1").WriteTo(Path.Combine(root, "notebooks"), "01-one.ipynb");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "run.json"), """{"files": ["report.html"]}""");
        File.WriteAllText(Path.Combine(output, "report.html"), "the winner's report");

        using (var holder = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(root, "data", "work", "workbook.duckdb")}"))
        {
            holder.Open(); // as a notebook open in VS Code, or a run in progress, holds it
            var result = Cli.Run(["run", notebook, "--out", output], workingDirectory: root);

            AssertError(result, "is in use by another program", "Nothing was written");
        }
        Assert.Equal("the winner's report", File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "notebooks")));
    }

    [Fact]
    public void A_cell_that_runs_too_long_times_out_stops_its_notebook_and_the_run_exits_1()
    {
        var notebook = Notebook(new NotebookBuilder().CSharp("var before = 1;").CSharp("while (true) { }").CSharp("before"));
        var output = temp.Combine("out");

        // Long enough for a new kernel's first cell on a busy machine, short for a test.
        var result = Cli.Run(["run", notebook, "--out", output, "--cell-timeout", "15"], timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("timed out after 15 s", result.Err);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "notebooks", "01-test.ipynb")))!["cells"]!.AsArray();
        Assert.Equal(1, (int?)written[0]!["execution_count"]);
        Assert.Contains("timed out after 15 s", written[1]!["outputs"]!.ToJsonString());
        Assert.Null(written[2]!["execution_count"]); // the notebook stopped there
        Assert.Contains("timed out at cell 2", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(0, 1)]
    public void A_cell_that_calls_Environment_Exit_ends_the_run_loudly_with_what_finished_written(int code, int expectedExit)
    {
        var notebook = Notebook(new NotebookBuilder().CSharp("Console.WriteLine(\"first\");").CSharp($"Environment.Exit({code});").CSharp("3"));
        var output = temp.Combine("out");

        var result = Cli.Run(["run", notebook, "--out", output]);

        Assert.True(result.Exit == expectedExit, result.ToString());
        Assert.Contains($"called Environment.Exit({code})", result.Err);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "notebooks", "01-test.ipynb")))!["cells"]!.AsArray();
        Assert.Contains("first", written[0]!["outputs"]!.ToJsonString());
        Assert.Contains("Environment.Exit", written[1]!["outputs"]!.ToJsonString());
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void Ctrl_C_stops_the_run_and_still_writes_what_finished()
    {
        var notebook = Notebook(new NotebookBuilder().CSharp("Console.WriteLine(\"done\");").CSharp("System.Threading.Thread.Sleep(120_000);").CSharp("3"));
        var output = temp.Combine("out");
        using var process = Cli.Start(["run", notebook, "--out", output], interruptible: true);
        var seen = new System.Text.StringBuilder();
        var sleeping = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) =>
        {
            lock (seen)
            {
                seen.AppendLine(e.Data);
            }
            if (e.Data?.Contains("cell 2/3", StringComparison.Ordinal) == true)
            {
                sleeping.Set();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Assert.True(sleeping.Wait(TimeSpan.FromMinutes(2)), seen.ToString());
        Thread.Sleep(1000);

        Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.True(process.WaitForExit(60_000), "the run did not stop on Ctrl-C");
        Assert.Equal(130, process.ExitCode);
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "notebooks", "01-test.ipynb")))!["cells"]!.AsArray();
        Assert.Contains("done", written[0]!["outputs"]!.ToJsonString());
        Assert.Contains("cancelled", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void A_notebook_copied_out_of_the_repository_says_it_needs_the_repositorys_folders()
    {
        var copy = temp.Combine("elsewhere", "00-data.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "notebooks", "00-data.ipynb"), copy);

        var result = Cli.Run(["run", copy, "--out", temp.Combine("out")]);

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains("outside the workbook's notebooks/ folder", result.Err);
    }

    [Theory]
    [InlineData(new[] { "tree", "x", "--depth", "abc" }, "--depth takes a whole number, not 'abc'")]
    [InlineData(new[] { "tree", "x", "--depth=-1" }, "--depth must be at least 0, not -1")]
    [InlineData(new[] { "tree", "x", "--depth", "-1" }, "--depth must be at least 0, not -1")]
    [InlineData(new[] { "families", "--top", "0" }, "--top must be at least 1, not 0")]
    [InlineData(new[] { "run", "--cell-timeout", "soon" }, "--cell-timeout takes a whole number, not 'soon'")]
    public void Options_that_do_not_parse_say_so_in_words(string[] args, string message)
    {
        var result = Cli.Run(args);

        AssertError(result, message);
        Assert.DoesNotContain("System.", result.Err);
        Assert.Equal("", result.Out.Trim()); // errors on stderr, nothing on stdout
    }
}
