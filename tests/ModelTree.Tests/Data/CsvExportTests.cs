using Microsoft.Data.Analysis;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;

namespace ModelTree.Tests.Data;

// One test sets MODELTREE_OUT, which running notebooks read: run one after them, not during them.
[Collection(RunnerCollection.Name)]
public class CsvExportTests
{
    [Fact]
    public void Saves_a_frame_with_header_and_quotes_fields_holding_commas()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var frame = new DataFrame(
                new StringDataFrameColumn("id", ["a/b", "c/d"]),
                new StringDataFrameColumn("tags", ["[lora, peft]", null]),
                new Int64DataFrameColumn("downloads", [1234, null]));

            var path = frame.SaveCsv("adapter.csv", dir);

            Assert.Equal(Path.Combine(dir, "adapter.csv"), path);
            Assert.Equal(["id,tags,downloads", "a/b,\"[lora, peft]\",1234", "c/d,,"], File.ReadAllLines(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Goes_to_the_output_folder_by_default()
    {
        var dir = TestPaths.NewTempDir();
        var saved = Environment.GetEnvironmentVariable(WorkbookPaths.OutputVariable);
        try
        {
            Environment.SetEnvironmentVariable(WorkbookPaths.OutputVariable, Path.Combine(dir, "run-out"));

            var path = new DataFrame(new StringDataFrameColumn("id", ["x"])).SaveCsv("finetune.csv");

            Assert.Equal(Path.Combine(dir, "run-out", "finetune.csv"), path);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Environment.SetEnvironmentVariable(WorkbookPaths.OutputVariable, saved);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_empty_frame_writes_only_the_header()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = new DataFrame(new StringDataFrameColumn("id", 0)).SaveCsv("quantized.csv", dir);

            Assert.Equal(["id"], File.ReadAllLines(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("")]
    [InlineData("sub/dir.csv")]
    public void A_name_that_is_not_a_plain_file_name_is_refused(string name)
    {
        var frame = new DataFrame(new StringDataFrameColumn("id", ["x"]));

        var error = Assert.Throws<ModelTreeException>(() => frame.SaveCsv(name, Path.GetTempPath()));
        Assert.Contains("file name", error.Message);
    }
}
