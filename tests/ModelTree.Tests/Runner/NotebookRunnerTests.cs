using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private Task<NotebookRun> Run(NotebookBuilder notebook, RunOptions? options = null) =>
        NotebookRunner.RunAsync(notebook.WriteTo(temp.Path, "01-test.ipynb"), options);

    private static string Plain(CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/plain"];

    [Fact]
    public async Task A_variable_defined_in_one_cell_is_visible_two_cells_later()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("var answer = 40;")
            .Markdown("# between")
            .CSharp("answer + 2"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Equal("42", run.Cell(3).Text);
        var result = Assert.Single(run.Cells[2].Outputs);
        Assert.Equal("42", Plain(result));
        Assert.True(Assert.IsType<DisplayOutput>(result).IsResult);
    }

    [Fact]
    public async Task The_last_expression_is_displayed_only_without_a_trailing_semicolon()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("var n = 3;\nn * 7")
            .CSharp("Math.Abs(n * 7);")
            .CSharp("Math.Max(1, 2);\nConsole.Write(\"\")"));

        Assert.Equal("21", Plain(Assert.Single(run.Cells[0].Outputs)));
        Assert.Empty(run.Cells[1].Outputs);
        Assert.Empty(run.Cells[2].Outputs); // a void call as last expression shows nothing
    }

    [Fact]
    public async Task Display_shows_several_outputs_in_order_between_console_text()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("Console.WriteLine(\"before\");\ndisplay(1);\ndisplay(\"two\");\nConsole.WriteLine(\"after\");\ndisplay(3)"));

        var outputs = run.Cells[0].Outputs;
        Assert.Collection(outputs,
            o => Assert.Equal(new StreamOutput("stdout", "before\n"), o),
            o => Assert.Equal("1", Plain(o)),
            o => Assert.Equal("two", Plain(o)),
            o => Assert.Equal(new StreamOutput("stdout", "after\n"), o),
            o => Assert.Equal("3", Plain(o)));
        Assert.Contains("text/html", ((DisplayOutput)outputs[1]).Data.Keys);
        Assert.DoesNotContain("text/html", ((DisplayOutput)outputs[2]).Data.Keys); // strings are plain text, as in Polyglot
    }

    [Fact]
    public async Task Console_output_of_a_cell_becomes_a_stdout_stream_and_does_not_reach_the_real_console()
    {
        var original = Console.Out;
        var run = await Run(new NotebookBuilder()
            .CSharp("for (var i = 0; i < 3; i++) Console.WriteLine($\"line {i}\");\nConsole.Error.WriteLine(\"warn\");"));

        Assert.Same(original, Console.Out);
        Assert.Equal(
            [new StreamOutput("stdout", "line 0\nline 1\nline 2\n"), new StreamOutput("stderr", "warn\n")],
            run.Cells[0].Outputs);
    }

    [Fact]
    public async Task Sql_cells_run_on_the_connected_duckdb_and_show_the_result_as_a_table()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages)
            .CSharp("#!connect duckdb --kernel-name hub --connection-string \"Data Source=work/test.duckdb\"")
            .Sql("hub", "create table models(id varchar, downloads bigint);\ninsert into models values ('org/alpha', 10), ('org/beta', 5);")
            .Sql("hub", "select id, downloads from models order by downloads desc;"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.True(File.Exists(temp.Combine("work", "test.duckdb"))); // relative to the notebook's folder, folder created
        var table = Assert.IsType<DisplayOutput>(Assert.Single(run.Cells[3].Outputs));
        var html = table.Data["text/html"];
        Assert.Contains("<th>id</th>", html);
        Assert.True(html.IndexOf("<td>org/alpha</td><td class=\"num\">10</td>", StringComparison.Ordinal)
            < html.IndexOf("<td>org/beta</td><td class=\"num\">5</td>", StringComparison.Ordinal));
        Assert.Contains("org/alpha", table.Data["text/plain"]);
    }

    [Fact]
    public async Task A_sql_cell_with_several_queries_shows_one_table_per_query_as_polyglot_does()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .Sql("hub", "create table t as select 1 as a;\nselect a from t;\ninsert into t values (2);\nselect count(*) as n from t;"));

        Assert.Collection(run.Cells[1].Outputs,
            o => Assert.Contains("<th>a</th>", ((DisplayOutput)o).Data["text/html"]),
            o => Assert.Contains("<td class=\"num\">2</td>", ((DisplayOutput)o).Data["text/html"]));
    }

    [Fact]
    public async Task A_sql_result_longer_than_the_cap_says_how_many_rows_it_shows()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .Sql("hub", "select range as n from range(250);"), new RunOptions { SqlMaxRows = 200 });

        var html = ((DisplayOutput)Assert.Single(run.Cells[1].Outputs)).Data["text/html"];
        Assert.Equal(200, html.Split("<tr><td class=\"num\">").Length - 1);
        Assert.Contains("showing 200 of 250 rows", html);
    }

    [Fact]
    public async Task A_sql_cell_before_its_connect_fails_naming_the_kernel_and_the_fix()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages)
            .Sql("hub", "select 1;")
            .CSharp("#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\""));

        Assert.Equal(NotebookStatus.Failed, run.Status);
        Assert.Equal(2, run.Failure!.CellNumber);
        Assert.Contains("'hub'", run.Failure.Message);
        Assert.Contains("#!connect duckdb --kernel-name hub", run.Failure.Message);
        Assert.False(run.Cells[2].Executed);
    }

    [Fact]
    public async Task Connect_duckdb_is_built_in_and_the_connector_package_line_needs_no_download()
    {
        // The archived connector package is not on any feed this machine reaches; the kernel answers its #r itself.
        var run = await Run(new NotebookBuilder()
            .CSharp("#r \"nuget: Microsoft.DotNet.Interactive.DuckDB, *-*\"")
            .CSharp("#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .Sql("hub", "select 'connected' as state;"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Contains("<td>connected</td>", run.Cell(3).Html);
    }

    [Fact]
    public async Task Kernel_switch_lines_send_the_rest_of_the_cell_to_that_kernel()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .CSharp("#!hub\nselect 'from sql' as source;")
            .Sql("hub", "#!csharp\n\"from c#\""));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Contains("<td>from sql</td>", ((DisplayOutput)Assert.Single(run.Cells[1].Outputs)).Data["text/html"]);
        Assert.Equal("from c#", Plain(Assert.Single(run.Cells[2].Outputs)));
    }

    [Fact]
    public async Task Data_path_option_is_visible_to_cells_as_MODELTREE_DATA_and_restored_afterwards()
    {
        var data = temp.Combine("models.parquet");
        File.WriteAllText(data, "not really parquet");
        var before = Environment.GetEnvironmentVariable("MODELTREE_DATA");

        var run = await Run(new NotebookBuilder().CSharp("Environment.GetEnvironmentVariable(\"MODELTREE_DATA\")"),
            new RunOptions { DataPath = data });

        Assert.Equal(Path.GetFullPath(data), Plain(Assert.Single(run.Cells[0].Outputs)));
        Assert.Equal(before, Environment.GetEnvironmentVariable("MODELTREE_DATA"));
    }

    [Fact]
    public async Task Cells_run_with_the_notebook_folder_as_current_directory()
    {
        var before = Environment.CurrentDirectory;
        var run = await Run(new NotebookBuilder().CSharp("System.IO.File.WriteAllText(\"written.txt\", \"x\");\nEnvironment.CurrentDirectory"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.True(File.Exists(temp.Combine("written.txt")));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task An_unknown_directive_fails_naming_the_cell_and_the_directive_and_runs_nothing_of_that_cell()
    {
        var run = await Run(new NotebookBuilder()
            .Markdown("# Title")
            .CSharp("var ok = 1;")
            .CSharp("Console.WriteLine(\"should not run\");\n#!whatever --flag")
            .CSharp("ok"));

        Assert.Equal(NotebookStatus.Failed, run.Status);
        Assert.Equal(3, run.Failure!.CellNumber);
        Assert.Contains("Unknown magic command '#!whatever'", run.Failure.Message);
        Assert.StartsWith("01-test.ipynb, cell 3 (", run.Failure.ToString());
        Assert.DoesNotContain(run.Cells[2].Outputs, o => o is StreamOutput);
        Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[2].Outputs));
        Assert.False(run.Cells[3].Executed);
    }

    [Fact]
    public async Task Directives_of_the_real_engine_work_without_a_download()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("#!set --name x --value 1")
            .CSharp("#i \"nuget: https://example.org/feed\"\nvar fine = 1;")
            .CSharp("#!who"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Contains("fine", run.Cell(3).Text);
    }

    [Theory]
    [InlineData("#!csharp --name x", "DNI103")]
    [InlineData("#!connect mssql --kernel-name db \"Server=x\"", "DNI103")]
    [InlineData("#!about", "DNI101")]
    public async Task Directives_the_kernel_does_not_know_fail_with_its_diagnostic(string directive, string code)
    {
        var run = await Run(new NotebookBuilder().CSharp(directive));

        Assert.Equal(1, run.Failure!.CellNumber);
        Assert.Contains(code, run.Failure.Message);
    }

    [Fact]
    public async Task A_cell_that_throws_stops_the_notebook_with_the_error_in_its_outputs()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("var x = 1;")
            .CSharp("Console.WriteLine(\"partial\");\nthrow new InvalidOperationException(\"the data is odd\");")
            .CSharp("x"));

        Assert.Equal(NotebookStatus.Failed, run.Status);
        Assert.Equal(2, run.Failure!.CellNumber);
        Assert.Equal("Console.WriteLine(\"partial\");", run.Failure.FirstLine);
        Assert.Contains("InvalidOperationException", run.Failure.Message);
        Assert.Contains("the data is odd", run.Failure.Message);
        Assert.Collection(run.Cells[1].Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "partial\n"), o),
            o => Assert.Equal("the data is odd", Assert.IsType<ErrorOutput>(o).Value));
        Assert.False(run.Cells[2].Executed);
        Assert.Empty(run.Cells[2].Outputs);
    }

    [Fact]
    public async Task A_ModelTreeException_is_shown_as_its_message_without_a_stack_trace()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp($"#r \"{typeof(ModelTreeException).Assembly.Location}\"")
            .CSharp("throw new ModelTree.ModelTreeException(\"File x.parquet has no baseModels column.\");"));

        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[1].Outputs));
        Assert.Equal(["File x.parquet has no baseModels column."], error.Traceback);
        Assert.Equal("File x.parquet has no baseModels column.", run.Failure!.Message);
    }

    [Fact]
    public async Task A_compile_error_reports_line_and_column_inside_the_cell()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("var a = 1;\nvar c = missing + a;"));

        Assert.Equal(1, run.Failure!.CellNumber);
        Assert.Contains("(2,9): error CS0103", run.Failure.Message);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cells[0].Outputs));
        Assert.StartsWith("(2,9): error CS0103", error.Value);
    }

    [Fact]
    public async Task Each_notebook_gets_a_fresh_csharp_state()
    {
        var first = await NotebookRunner.RunAsync(new NotebookBuilder().CSharp("var leaked = 1;").WriteTo(temp.Path, "a.ipynb"));
        var second = await NotebookRunner.RunAsync(new NotebookBuilder().CSharp("leaked").WriteTo(temp.Path, "b.ipynb"));

        Assert.Equal(NotebookStatus.Passed, first.Status);
        Assert.Contains("CS0103", second.Failure!.Message);
    }

    [Fact]
    public async Task Each_notebook_gets_fresh_sql_kernels()
    {
        const string connect = NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"";
        var first = await NotebookRunner.RunAsync(new NotebookBuilder().CSharp(connect).WriteTo(temp.Path, "a.ipynb"));
        var second = await NotebookRunner.RunAsync(new NotebookBuilder().Sql("hub", "select 1;").WriteTo(temp.Path, "b.ipynb"));

        Assert.Equal(NotebookStatus.Passed, first.Status);
        Assert.Contains("#!connect duckdb --kernel-name hub", second.Failure!.Message);
    }

    [Fact]
    public async Task Connections_held_by_a_notebook_variable_are_closed_when_the_notebook_ends()
    {
        var key = "runner-test-" + Guid.NewGuid().ToString("N");
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages)
            .CSharp($"var connection = new DuckDB.NET.Data.DuckDBConnection(\"Data Source=:memory:\");\nconnection.Open();\nAppDomain.CurrentDomain.SetData(\"{key}\", connection);"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        var connection = Assert.IsType<DuckDB.NET.Data.DuckDBConnection>(AppDomain.CurrentDomain.GetData(key));
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task An_assembly_referenced_by_a_path_relative_to_the_notebook_can_be_used()
    {
        var dll = temp.Combine("lib", "Extra.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Extra",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public static class Extra { public static int Answer => 42; }")],
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using (var file = File.Create(dll))
        {
            Assert.True(compilation.Emit(file).Success);
        }

        var run = await Run(new NotebookBuilder().CSharp("#r \"lib/Extra.dll\"\nExtra.Answer"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Equal("42", run.Cell(1).Text);
    }

    [Fact]
    public async Task A_missing_assembly_file_fails_naming_the_resolved_path()
    {
        var run = await Run(new NotebookBuilder().CSharp("#r \"lib/Missing.dll\""));

        Assert.Contains("CS0006", run.Failure!.Message);
        Assert.Contains("lib/Missing.dll", run.Failure.Message);
    }

    [Fact]
    public async Task Data_frames_and_charts_are_shown_as_html()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages + "\nusing Microsoft.Data.Analysis;")
            .CSharp("new DataFrame(new StringDataFrameColumn(\"id\", new[] { \"org/alpha\" }))")
            .CSharp("Plotly.NET.GenericChart.ofTraceObject(true, new Plotly.NET.Trace2D(\"bar\"))"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        Assert.Contains("<td>org/alpha</td>", ((DisplayOutput)run.Cells[1].Outputs[0]).Data["text/html"]);
        var chart = ((DisplayOutput)run.Cells[2].Outputs[0]).Data["text/html"];
        Assert.Contains("Plotly.newPlot", chart);
        Assert.Contains("cdn.plot.ly", chart);
    }

    [Fact]
    public async Task Html_helper_and_explicit_mime_types_work_as_in_polyglot()
    {
        var run = await Run(new NotebookBuilder()
            .CSharp("display(HTML(\"<b>bold</b>\"));\ndisplay(42, \"text/plain\");"));

        Assert.Equal(NotebookStatus.Passed, run.Status);
        var html = Assert.IsType<DisplayOutput>(run.Cells[0].Outputs[0]);
        Assert.Contains("<b>bold</b>", html.Data["text/html"]);
        var plain = Assert.IsType<DisplayOutput>(run.Cells[0].Outputs[1]);
        Assert.Equal(["text/plain"], plain.Data.Keys);
        Assert.Equal("42", plain.Data["text/plain"]);
    }
}
