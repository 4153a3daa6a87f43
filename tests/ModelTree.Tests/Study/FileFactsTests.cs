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

    [Fact]
    public void Text_search_keeps_the_meaning_of_like_on_each_file()
    {
        // Each test below, asked of every list: the bits must say what LIKE on each lower-cased name says.
        FileTest[] tests =
        [
            new("contains", ["%model.safetensors%"]),
            new("suffix", ["%.gguf"]),
            new("prefix", ["adapter%"]),
            new("one_char", ["%pytorch_model.bin%"]),
            new("inner_percent", ["%lora%.bin"]),
            new("exact", ["config.json"]),
            new("excluded", ["%model.safetensors%"], ["%adapter%"]),
            new("dot_is_literal", ["%a.b"]),
            new("anchored_pieces", ["model-%.safetensors"]),
            new("leading_one_char", ["_onfig.json"]),
        ];
        string[][] lists =
        [
            ["Model.SafeTensors", "README.md"],
            ["a.gguf.part1of2", "b.GGUF"],
            ["x/adapter_config.json", "adapter_model.bin"],
            ["pytorchXmodel.bin"],
            ["lora/x.bin"],
            ["lora", "x.bin"],
            ["sub/config.json", "config.json.bak"],
            ["config.json"],
            ["adapter_model.safetensors"],
            ["adapter_model.safetensors", "model.safetensors"],
            ["axb", "a.b"],
            ["line\nbreak.gguf", "model.safe", "tensors"],
            ["sub/model-00001.safetensors", "x.safetensors"],
            ["Model-00001-of-00002.SAFETENSORS", "readme.md"],
            ["model-", ".safetensors"],
            [],
        ];
        var rows = lists.Select((files, i) => new ModelRow($"org/m{i}") { Files = files })
            .Append(new ModelRow("org/none") { Files = null }).ToArray();
        using var hub = TestHub.Open(rows);
        var facts = new FileFacts(tests);

        foreach (var test in tests)
        {
            var any = string.Join(" OR ", test.AnyOf.Select(p => $"lower(s.rfilename) LIKE '{p}'"));
            var none = test.NoneOf.Count == 0 ? "" : " AND NOT (" + string.Join(" OR ", test.NoneOf.Select(p => $"lower(s.rfilename) LIKE '{p}'")) + ")";
            var differ = hub.Scalar<string>($"""
                SELECT coalesce(string_agg(id, ', '), '') FROM (SELECT id, {facts.Bits()} AS bits, siblings FROM models)
                WHERE {facts.Has(test.Name, "bits")} IS DISTINCT FROM coalesce(len(list_filter(siblings, lambda s: {any}{none})) > 0, false)
                """);
            Assert.True(differ == "", $"{test.Name}: the bits differ from LIKE for {differ}");
        }
        var empty = $"org/m{Array.FindIndex(lists, files => files.Length == 0)}";
        Assert.Equal(0L, hub.Scalar<long>($"SELECT count(*) FROM models WHERE id IN ('{empty}', 'org/none') AND ({facts.Bits()}) IS NOT NULL"));
    }
}
