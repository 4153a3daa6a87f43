using ModelTree.Provenance;
using ModelTree.Records;
using static ModelTree.Tests.Provenance.ProvenanceFamily;

namespace ModelTree.Tests.Provenance;

public sealed class ProvenanceReportTests : IDisposable
{
    private readonly HubData _hub;
    private readonly ModelProvenance _provenance;

    public ProvenanceReportTests() => (_hub, _provenance) = Open();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public void A_quantization_two_hops_below_a_restrictive_root_shows_each_hops_changes()
    {
        var report = _provenance.Report(Gguf);

        Assert.Equal([Chat, Root], report.Lineage.Select(h => h.Id));
        Assert.Equal([1, 2], report.Lineage.Select(h => h.Depth));
        Assert.All(report.Lineage, h => Assert.Equal(1, h.Path));

        var quantized = report.Lineage[0];
        Assert.Equal(Relation.Quantized, quantized.Relation);
        Assert.Equal(Gguf, quantized.Child);
        Assert.Contains(quantized.Changes, c => c.Contains("gained: gguf") && c.Contains("lost: safetensors"));
        Assert.Contains(quantized.Changes, c => c == "quantization: none -> GGUF Q4_K_M, Q8_0");
        Assert.Contains("license kept (mit)", quantized.Changes);

        var finetune = report.Lineage[1];
        Assert.Equal(Relation.Finetune, finetune.Relation);
        Assert.Equal("llama2", finetune.License!.Label);
        Assert.Contains(finetune.Changes, c => c.StartsWith("license changed: llama2 (restrictive/custom) -> mit (permissive)") && c.Contains("more permissive"));
        Assert.Contains("languages changed: de, en, fr -> en", finetune.Changes);
        Assert.DoesNotContain(finetune.Changes, c => c.StartsWith("parameters"));

        Assert.Equal(["gguf"], report.Facts!.Formats);
        Assert.Equal("quantized only", report.Facts.Weights);
        Assert.False(report.Facts.HasTokenizer);
        Assert.Contains(report.Flags, f => f.Contains("more permissive than meta/Llama-X's llama2") && f.Contains("2 hops up"));
    }

    [Fact]
    public void A_merge_of_two_bases_under_different_licences_has_a_path_through_each()
    {
        var report = _provenance.Report(Merge);

        var paths = report.Lineage.GroupBy(h => h.Path).Select(g => g.Select(h => h.Id).ToList()).ToList();
        Assert.Equal([[Chat, Root], [Gpl]], paths);
        Assert.Equal("mit", report.Lineage[0].License!.Label);
        Assert.Equal("gpl-3.0", report.Lineage[2].License!.Label);
        Assert.Contains(report.Lineage[2].Changes, c => c.Contains("gpl-3.0 (copyleft) -> apache-2.0 (permissive)"));
        // The nearest stricter ancestor is the GPL base (one hop); the Llama root two hops up is the other.
        Assert.Contains(report.Flags, f => f.Contains($"more permissive than {Gpl}'s gpl-3.0") && f.Contains("and 1 more ancestor"));
        Assert.Equal("merge", (string?)report.ToJson()["lineage"]![2]!["relation"]);
    }

    [Fact]
    public void An_adapter_with_pickle_weights_is_adapter_only_and_pickle_only()
    {
        var report = _provenance.Report(Lora);

        Assert.True(report.Facts!.AdapterOnly);
        Assert.True(report.Facts.PickleOnly);
        Assert.False(report.Facts.CompleteWeights);
        Assert.Equal(["pickle", "adapter"], report.Facts.Formats);
        Assert.Contains(report.Flags, f => f.StartsWith("pickle-only weights"));
        Assert.Contains(report.Lineage[0].Changes, c => c.Contains("mit (permissive) -> cc-by-nc-4.0 (non-commercial): more restrictive"));
        Assert.DoesNotContain(report.Flags, f => f.Contains("more permissive"));
    }

    [Fact]
    public void An_adapter_of_a_base_missing_from_the_data_is_flagged_and_its_lineage_stops()
    {
        var report = _provenance.Report(Orphan);

        var hop = Assert.Single(report.Lineage);
        Assert.Equal(Missing, hop.Id);
        Assert.False(hop.InTable);
        Assert.Null(hop.License);
        Assert.Contains(report.Flags, f => f.StartsWith($"an adapter of {Missing}, which is not in the data"));
    }

    [Fact]
    public void A_derivative_name_without_a_base_and_a_card_without_a_license_are_flagged()
    {
        var report = _provenance.Report(Unnamed);

        Assert.Empty(report.Lineage);
        Assert.Equal(LicenseSource.None, report.License.Source);
        Assert.Contains(report.Flags, f => f.StartsWith("the name ('gguf') suggests a derivative"));
        Assert.Contains(report.Flags, f => f.StartsWith("the card states no license"));
        Assert.Equal(["GGUF Q4_0"], report.Facts!.Quantization);
    }

    [Fact]
    public void A_cycle_of_base_links_ends_each_path_instead_of_looping()
    {
        var report = _provenance.Report(CycleA);

        Assert.Equal([CycleB, CycleA], report.Lineage.Select(h => h.Id));
        Assert.Contains(report.Lineage[1].Changes, c => c.StartsWith("cycle:"));
        Assert.Contains(report.Flags, f => f.StartsWith($"in a cycle of base links with {CycleB}"));
    }

    [Fact]
    public void Pickle_only_weights_ignore_trainer_state_and_a_tag_only_license_says_so()
    {
        var report = _provenance.Report(Pickle);

        Assert.True(report.Facts!.PickleOnly);
        Assert.True(report.Facts.CompleteWeights);
        Assert.True(report.Facts.HasTokenizer);
        Assert.Equal("mit", report.License.Label);
        Assert.Equal(LicenseSource.Tag, report.License.Source);
        Assert.Contains(report.Flags, f => f == "the card states no license; only the Hub's license:mit tag does");
        Assert.Equal("absent", report.Checklist.Single(i => i.Item == "license").State);
    }

    [Fact]
    public void The_cards_license_wins_over_a_disagreeing_tag_and_the_report_says_which()
    {
        var report = _provenance.Report(Disagree);

        Assert.Equal("apache-2.0", report.License.Label);
        Assert.True(report.License.Disagree);
        Assert.Contains(report.Flags, f => f.Contains("card's license (apache-2.0) and the license: tag (mit) disagree"));
    }

    [Fact]
    public void A_null_card_field_counts_as_absent_and_a_root_has_no_lineage()
    {
        var report = _provenance.Report(Root);

        Assert.Empty(report.Lineage);
        var items = report.Checklist.ToDictionary(i => i.Item, i => i.Present);
        Assert.True(items["license"]);
        Assert.True(items["language"]);
        Assert.False(items["datasets"]); // "datasets": null in the card
        Assert.False(items["base_model"]);
        Assert.DoesNotContain(CardChecklist.LimitationsItem, items.Keys);
        Assert.Equal("BF16", report.Facts!.Precision);
        Assert.Equal(7_000_000_000, report.Facts.Parameters);
    }

    [Fact]
    public void With_the_cards_text_the_checklist_looks_for_a_limitations_section()
    {
        Assert.True(_provenance.Report(Chat, "# Chat\n\n## Limitations and bias\nIt hallucinates.").Checklist.Single(i => i.Item == CardChecklist.LimitationsItem).Present);
        Assert.False(_provenance.Report(Chat, "# Chat\n\nIt is great.").Checklist.Single(i => i.Item == CardChecklist.LimitationsItem).Present);
    }

    [Fact]
    public void An_unknown_id_fails_with_close_ids()
    {
        var e = Assert.Throws<ModelTreeException>(() => _provenance.Report("alice/llama-x-chatt"));
        Assert.Contains(Chat, e.Message);
    }

    [Fact]
    public void A_base_only_named_by_others_gets_a_report_that_says_so()
    {
        var report = _provenance.Report(Missing);

        Assert.False(report.InTable);
        Assert.Null(report.Facts);
        Assert.Contains(report.Flags, f => f.StartsWith("not a row of the data: only named as a base by 1 model"));
    }

    [Fact]
    public void The_json_has_exactly_the_issues_keys()
    {
        var json = _provenance.Report(Gguf).ToJson();

        Assert.Equal(["id", "license", "facts", "checklist", "flags", "lineage"], json.Select(p => p.Key));
        Assert.Equal(CardChecklist.Fields, json["checklist"]!.AsObject().Select(p => p.Key));
        Assert.All(json["checklist"]!.AsObject(), p => Assert.Contains((string?)p.Value, new[] { "present", "absent" }));
        Assert.All(json["lineage"]!.AsArray(), h => Assert.Equal(["id", "relation", "depth", "license", "changes"], h!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Candidates_side_by_side_take_one_column_each()
    {
        var frame = _provenance.Compare(Gguf, Chat, Lora).ToFrame();

        Assert.Equal(["item", Gguf, Chat, Lora], frame.Columns.Select(c => c.Name));
        Assert.Equal(CandidateChecklist.Items.Count, frame.Rows.Count);
        var license = frame.Rows.Single(r => (string)r[0] == "license");
        Assert.Equal(["mit (permissive)", "mit (permissive)", "cc-by-nc-4.0 (non-commercial)"], license.Skip(1).Cast<string>());
    }

    [Fact]
    public void The_example_prefers_a_derivative_of_a_derivative_with_siblings()
    {
        var example = _provenance.Example()!;

        // Chat (a derivative) has three children; the most downloaded is the GGUF one (700).
        Assert.Equal(Gguf, example.Derivative);
        Assert.Equal(Chat, example.Base);
        Assert.Equal(Lora, example.Sibling); // 50 downloads, more than the merge's 30
    }
}
