
namespace ModelTree.Tests.Sample;

/// <summary>
/// The committed sample (data/sample/) against the study's full-Hub figures: sizes, label shares,
/// tag ratios, and the shapes of families the later notebooks rely on.
/// </summary>
public sealed class CommittedSampleTests : IDisposable
{
    private readonly SampleData _data = new(WorkbookPaths.SamplePath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Sample_has_20k_to_50k_rows_and_stays_under_10_MB()
    {
        var rows = _data.Count("SELECT count(*) FROM models");
        Assert.InRange(rows, 20_000, 50_000);
        Assert.True(new FileInfo(WorkbookPaths.SamplePath).Length < 10 * 1024 * 1024);
    }

    [Fact]
    public void Sample_says_in_its_metadata_that_it_is_synthetic()
    {
        var synthetic = _data.Scalar(
            $"SELECT decode(value) FROM parquet_kv_metadata('{WorkbookPaths.SamplePath}') WHERE decode(key) = 'modeltree_synthetic'");
        Assert.Equal("true", synthetic);
    }

    [Fact]
    public void About_a_third_of_the_models_have_a_base()
    {
        var rows = (double)_data.Count("SELECT count(*) FROM models");
        var based = _data.Count(
            $"SELECT count(*) FROM models WHERE baseModels IS NOT NULL OR {SampleSql.CardBaseModel} IS NOT NULL");
        Assert.InRange(based / rows, 0.28, 0.40);
    }

    [Theory]
    // Study, full Hub: finetune 244,723; adapter 266,041; quantized 125,673 (total 636,437).
    [InlineData("finetune", 244_723)]
    [InlineData("adapter", 266_041)]
    [InlineData("quantized", 125_673)]
    public void Label_shares_follow_the_study(string relation, int studyCount)
    {
        var three = (double)_data.Count("SELECT count(*) FROM models WHERE baseModels.relation IN ('finetune', 'adapter', 'quantized')");
        var share = _data.Count($"SELECT count(*) FROM models WHERE baseModels.relation = '{relation}'") / three;
        Assert.InRange(share, studyCount / 636_437.0 - 0.04, studyCount / 636_437.0 + 0.04);
    }

    [Fact]
    public void Merges_are_a_few_percent_of_labelled_models()
    {
        var labelled = (double)_data.Count("SELECT count(*) FROM models WHERE baseModels IS NOT NULL");
        var merges = _data.Count("SELECT count(*) FROM models WHERE baseModels.relation = 'merge'");
        Assert.InRange(merges / labelled, 0.01, 0.08);
    }

    [Fact]
    public void Tag_ratios_are_close_to_the_study()
    {
        double Ratio(string relation, string condition) =>
            _data.Count($"SELECT count(*) FROM models WHERE baseModels.relation = '{relation}' AND {condition}") /
            (double)_data.Count($"SELECT count(*) FROM models WHERE baseModels.relation = '{relation}'");

        Assert.InRange(Ratio("finetune", SampleSql.AdapterTag), 0.001, 0.010); // study 1,130 / 244,723 = 0.46%
        Assert.InRange(Ratio("adapter", SampleSql.AdapterTag), 0.97, 0.995); // study 262,423 / 266,041 = 98.6%
        Assert.InRange(Ratio("quantized", SampleSql.QuantTag), 0.75, 0.86); // study 101,205 / 125,673 = 80.5%
    }

    [Fact]
    public void A_lineage_of_depth_four_or_more_can_be_walked_to_its_root()
    {
        // Follow each model's first base in the table itself, from the deepest model the truth names.
        var bases = _data.Rows("SELECT id, baseModels.models[1].id FROM models WHERE baseModels IS NOT NULL")
            .ToDictionary(r => (string)r[0]!, r => (string?)r[1]);
        var ids = _data.Rows("SELECT id FROM models").Select(r => (string)r[0]!).ToHashSet();
        var deepest = _data.Rows("SELECT id, family FROM truth WHERE depth >= 4 AND \"case\" = 'typical' ORDER BY depth DESC, id LIMIT 20");
        Assert.NotEmpty(deepest);
        var longest = 0;
        foreach (var row in deepest)
        {
            var hops = 0;
            var current = (string)row[0]!;
            while (bases.TryGetValue(current, out var parent) && parent is not null && hops < 100)
            {
                current = parent;
                hops++;
            }
            Assert.True(ids.Contains(current) || current == (string)row[1]!);
            longest = Math.Max(longest, hops);
        }
        Assert.True(longest >= 4, $"longest walk {longest}");
    }

    [Fact]
    public void There_is_a_two_model_cycle_and_a_self_reference()
    {
        Assert.True(_data.Count($"""
            WITH e AS ({SampleSql.Edges})
            SELECT count(*) FROM e a JOIN e b ON b.child = a.base AND b.base = a.child
            """) >= 2);
        Assert.True(_data.Count(SampleSql.CaseQueries["self_reference"]) >= 1);
    }

    [Fact]
    public void Some_merges_have_many_bases()
    {
        Assert.True(_data.Count("SELECT max(len(baseModels.models)) FROM models WHERE baseModels.relation = 'merge'") >= 8);
        Assert.True(_data.Count("SELECT count(*) FROM models WHERE baseModels.relation = 'merge' AND len(baseModels.models) = 2") > 0);
    }

    [Fact]
    public void Some_base_families_are_large_and_most_are_small()
    {
        var sizes = _data.Rows("SELECT family, count(*) FROM truth WHERE depth > 0 GROUP BY family ORDER BY 2 DESC")
            .Select(r => Convert.ToInt64(r[1])).ToList();
        Assert.True(sizes[0] >= 500, $"largest family {sizes[0]}");
        Assert.True(sizes[sizes.Count / 2] <= 3, $"median family {sizes[sizes.Count / 2]}");
    }

    [Fact]
    public void Downloads_and_likes_are_heavy_tailed()
    {
        var median = Convert.ToDouble(_data.Scalar("SELECT median(downloads) FROM models"));
        var p999 = Convert.ToDouble(_data.Scalar("SELECT quantile_cont(downloads, 0.999) FROM models"));
        Assert.True(p999 > 1000 * Math.Max(1, median), $"median {median}, p99.9 {p999}");
        Assert.True(_data.Count("SELECT max(likes) FROM models") > 1000);
        Assert.True(_data.Count("SELECT count(*) FROM models WHERE likes = 0") > _data.Count("SELECT count(*) FROM models") / 3);
    }

    [Fact]
    public void Creation_dates_run_from_2021_to_2026()
    {
        Assert.Equal(2021, Convert.ToInt32(_data.Scalar("SELECT year(min(createdAt)) FROM models")));
        Assert.Equal(2026, Convert.ToInt32(_data.Scalar("SELECT year(max(createdAt)) FROM models")));
        Assert.Equal(0, _data.Count("SELECT count(*) FROM models WHERE lastModified < createdAt"));
    }

    [Fact]
    public void Card_base_model_is_sometimes_a_string_and_sometimes_a_list()
    {
        Assert.True(_data.Count($"SELECT count(*) FROM models WHERE json_type({SampleSql.CardBaseModel}) = 'VARCHAR'") > 100);
        Assert.True(_data.Count($"SELECT count(*) FROM models WHERE json_type({SampleSql.CardBaseModel}) = 'ARRAY'") > 100);
    }

    [Fact]
    public void Realistic_files_are_present()
    {
        foreach (var pattern in new[]
                 {
                     "model-00001-of-%.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "adapter_model.safetensors",
                     "adapter_config.json", "%-Q4_K_M.gguf", "%-Q8_0.gguf", "pytorch_lora_weights.safetensors", "tokenizer.json", "config.json",
                 })
        {
            Assert.True(_data.Count(
                $"SELECT count(*) FROM models WHERE len(list_filter(siblings, lambda s: s.rfilename LIKE '{pattern}')) > 0") > 0, pattern);
        }
    }
}
