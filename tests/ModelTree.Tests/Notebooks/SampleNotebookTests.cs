using ModelTree.Sample;
using ModelTree.Tests.Runner;
using ModelTree.Tests.Sample;

namespace ModelTree.Tests.Notebooks;

/// <summary>
/// Each study notebook executed on the committed sample, its summary figures checked against the
/// generator's truth file or a query written here on the raw parquet (never against the notebook's own SQL).
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class SampleNotebookTests : IDisposable
{
    private readonly SampleData _sample = new(StudyNotebookRun.SamplePath);

    public void Dispose() => _sample.Dispose();

    private long Labelled(string relation) =>
        _sample.Count($"SELECT count(*) FROM models WHERE baseModels.relation = '{relation}'");

    [Fact]
    public async Task Data_tour_counts_every_model_and_each_label()
    {
        using var run = await StudyNotebookRun.StartAsync("00-data", StudyNotebookRun.SamplePath);

        Assert.Equal(_sample.Count("SELECT count(*) FROM truth"), run.Count("models"));
        Assert.Equal(_sample.Count("SELECT count(*) FROM models WHERE baseModels IS NOT NULL"), run.Count("models with baseModels"));
        Assert.Equal(Labelled("finetune"), run.Count("labelled finetune"));
        Assert.Equal(Labelled("merge"), run.Count("labelled merge"));
    }

    [Fact]
    public async Task Base_models_notebook_finds_the_back_fill_gap_the_generator_planted()
    {
        using var run = await StudyNotebookRun.StartAsync("01-base-models", StudyNotebookRun.SamplePath);

        Assert.Equal(_sample.TruthCount(SampleCases.BackfillCardOnly), run.Count("card only (not back-filled)"));
        // baseModels set but no readable base in the card: the planted case, plus malformed cards whose row has baseModels.
        var malformedWithBase = _sample.Count(
            "SELECT count(*) FROM models JOIN truth USING (id) WHERE truth.\"case\" = 'malformed_card' AND baseModels IS NOT NULL");
        Assert.Equal(_sample.TruthCount(SampleCases.BaseModelsWithoutCard) + malformedWithBase, run.Count("baseModels only"));
        Assert.Equal(1.0, run.Figures["card-only rows created before 2025-07-25"]);
    }

    [Fact]
    public async Task Relations_notebook_counts_labels_and_exports_ten_examples_of_each()
    {
        using var run = await StudyNotebookRun.StartAsync("02-relations", StudyNotebookRun.SamplePath);

        foreach (var relation in new[] { "finetune", "adapter", "quantized", "merge" })
        {
            // The truth names the label the generator wrote; back-filled rows have no baseModels, so no label.
            var expected = _sample.Count(
                $"SELECT count(*) FROM truth WHERE relation = '{relation}' AND \"case\" <> '{SampleCases.BackfillCardOnly}'");
            Assert.Equal(expected, run.Count(relation));
        }
        foreach (var relation in new[] { "finetune", "adapter", "quantized" })
        {
            var ids = ExportedIds(Path.Combine(run.OutputDir, relation + ".csv"));
            Assert.Equal(10, ids.Count);
            Assert.All(ids, id => Assert.Equal(relation, _sample.Scalar($"SELECT relation FROM truth WHERE id = '{id.Replace("'", "''")}'")));
        }
    }

    [Fact]
    public async Task Verify_notebook_finds_exactly_the_planted_tag_anomalies()
    {
        using var run = await StudyNotebookRun.StartAsync("03-verify", StudyNotebookRun.SamplePath);

        Assert.Equal(_sample.TruthCount(SampleCases.FinetuneWithAdapterTag), run.Part("4.1 finetunes with an adapter-like tag"));
        Assert.Equal(Labelled("adapter") - _sample.TruthCount(SampleCases.AdapterWithoutAdapterTag), run.Part("4.2 adapters with an adapter tag"));
        // A quantized repository without a card has none of the card's tags either (the Hub copies them from the card).
        var quantizedWithoutCard = _sample.Count($"SELECT count(*) FROM models WHERE baseModels.relation = 'quantized' AND cardData IS NULL AND NOT {SampleSql.QuantTag}");
        Assert.Equal(Labelled("quantized") - _sample.TruthCount(SampleCases.QuantizedWithoutQuantTag) - quantizedWithoutCard,
            run.Part("4.3 quantized with a quantization tag"));
        Assert.Equal(_sample.Count("SELECT max(len(baseModels.models)) FROM models WHERE baseModels.relation = 'merge'"), run.Count("4.4 most bases of one merge"));
        Assert.Equal(1.0, run.Figures["4.4 merges with more than one base"]);
    }

    [Fact]
    public async Task Card_metadata_notebook_sees_peft_as_adapter_and_every_declared_relation_followed()
    {
        using var run = await StudyNotebookRun.StartAsync("04-card-metadata", StudyNotebookRun.SamplePath);

        Assert.Equal(_sample.Count("SELECT count(*) FROM models WHERE baseModels IS NOT NULL AND library_name = 'peft'"),
            run.Count("models with a base and library_name peft"));
        Assert.Equal(_sample.TruthCount(SampleCases.DeclaredRelation), run.Count("cards declaring base_model_relation"));
        Assert.Equal(1.0, run.Figures["declarations the label follows"]);
    }

    [Fact]
    public async Task Base_and_adapter_notebook_counts_the_planted_repositories_and_the_ambiguous_finetunes()
    {
        using var run = await StudyNotebookRun.StartAsync("05-base-and-adapter", StudyNotebookRun.SamplePath);

        Assert.Equal(_sample.TruthCount(SampleCases.BaseAndAdapterTogether) + _sample.TruthCount(SampleCases.LoraFilesNotAdapter),
            run.Count("base + adapter in one repository"));
        // The ambiguous finetunes: full weights beside LoRA files, and physical adapters labelled finetune whose
        // adapter_model.safetensors also matches the study's '%model.safetensors%'.
        Assert.Equal(_sample.Count("""
            SELECT count(*) FROM models m JOIN truth t USING (id)
            WHERE t."case" = 'lora_files_not_adapter'
               OR (t."case" = 'adapter_files_labelled_finetune' AND len(list_filter(m.siblings, lambda s: s.rfilename LIKE '%adapter_model.safetensors')) > 0)
            """), run.Part("ambiguous labelled finetune"));
        Assert.Equal(StudyQuery62Count(), run.Count("ambiguous (6.2, no LIMIT)"));
    }

    /// <summary>The study's 6.2 query as it wrote it, without its LIMIT, counted on the raw parquet.</summary>
    private long StudyQuery62Count() => _sample.Count("""
        SELECT count(*) FROM (
          SELECT m.id FROM models m, UNNEST(m.siblings) AS s(unnest)
          GROUP BY m.id, m.tags
          HAVING bool_or(lower(s.unnest.rfilename) LIKE '%adapter_model%')
             AND bool_or(lower(s.unnest.rfilename) LIKE '%model.safetensors%')
             AND NOT (array_to_string(m.tags, ',') ILIKE '%adapter%' OR array_to_string(m.tags, ',') ILIKE '%lora%'))
        """);

    private static List<string> ExportedIds(string csv) =>
        File.ReadLines(csv).Skip(1).Select(line => line.Split(',')[0]).ToList();
}
