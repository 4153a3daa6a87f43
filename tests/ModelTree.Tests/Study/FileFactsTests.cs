using ModelTree.Data;
using ModelTree.Rules;
using ModelTree.Study;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Study;

/// <summary>
/// <c>model_facts</c> asks its file tests in one pass over each file list (a bit per test). Each column must still be
/// exactly the test asked on its own, as the rules and the study's queries ask it: checked on every row of the sample
/// and of every real-records file.
/// </summary>
public sealed class FileFactsTests
{
    public static TheoryData<string> Data => new([WorkbookPaths.SamplePath, .. TestPaths.RealRecordFiles]);

    private static readonly (string Column, string OnItsOwn)[] Tests =
    [
        ("has_full_weights", StudySql.AnyFile(Vocabulary.FullWeightFilePatterns)),
        ("has_standalone_weights", StudySql.AnyStandaloneWeightFile()),
        ("has_adapter_files", RuleSql.Condition(StudyTests.AdapterFiles)),
        ("has_gguf", RuleSql.Condition(StudyTests.GgufFiles)),
        ("has_lora_files", StudySql.AnyFile([.. Vocabulary.AdapterFilePatterns, .. Vocabulary.LoraWeightPatterns])),
        ("has_unread_quant_files", StudySql.AnyFile(Vocabulary.UnrecognisedQuantFilePatterns)),
        ("is_ambiguous", StudySql.Ambiguous),
    ];

    [Theory]
    [MemberData(nameof(Data))]
    public void Each_file_column_is_the_test_asked_on_its_own(string data)
    {
        using var hub = HubData.Open(data, new HubDataOptions { DatabasePath = ":memory:" }).WithStudyViews();

        foreach (var (column, alone) in Tests)
        {
            var differ = hub.Scalar<long>(
                $"SELECT count(*) FROM models JOIN model_facts f USING (id) WHERE f.{column} IS DISTINCT FROM ({alone.Replace("siblings", "models.siblings").Replace("(tags", "(models.tags")})");
            Assert.True(differ == 0, $"{column}: {differ} models differ from the test asked alone");
        }
        if (data == WorkbookPaths.SamplePath)
        {
            // The sample plants every case, so no column is trivially all false.
            foreach (var (column, _) in Tests)
            {
                Assert.True(hub.Scalar<long>($"SELECT count(*) FROM model_facts WHERE {column}") > 0, $"no model has {column}");
            }
        }
    }
}
