using ModelTree.Provenance;
using static ModelTree.Tests.Provenance.ProvenanceFamily;

namespace ModelTree.Tests.Provenance;

/// <summary>License drift and trait similarity on the hand-built family, every expected figure worked out by hand in the comments.</summary>
public sealed class LicenseDriftTests : IDisposable
{
    private readonly HubData _hub;
    private readonly ModelProvenance _provenance;

    public LicenseDriftTests() => (_hub, _provenance) = Open();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public void Links_with_both_ends_in_the_data_are_counted_and_classified()
    {
        // Links between rows: chat->root, gguf->chat, lora->chat, merge->chat, merge->gpl, cyc/a->cyc/b, cyc/b->cyc/a,
        // disagree->pickle (the orphan's base is missing). Changed: chat (llama2->mit), lora (mit->cc-by-nc),
        // merge->chat (mit->apache), merge->gpl (gpl->apache), disagree (mit from the tag -> apache from the card).
        var drift = _provenance.Licenses();

        Assert.Equal(8, drift.Edges);
        Assert.Equal(5, drift.Changed);
        Assert.Equal(1, drift.Tightened);
        var expected = new[]
        {
            ("none", "none", "finetune", 2L),
            ("copyleft", "permissive", "merge", 1L),
            ("permissive", "non-commercial", "adapter", 1L),
            ("permissive", "permissive", "finetune", 1L),
            ("permissive", "permissive", "merge", 1L),
            ("permissive", "permissive", "quantized", 1L),
            ("restrictive/custom", "permissive", "finetune", 1L),
        };
        Assert.Equal(expected, drift.Transitions.Select(t => (t.Parent, t.Child, t.Relation, t.Models)));
    }

    [Fact]
    public void Relaxed_links_are_the_llama_root_under_mit_and_the_gpl_base_under_apache()
    {
        var relaxed = _provenance.Licenses().Relaxed;

        // Listed by base: eve/... before meta/...
        Assert.Equal([(Merge, Gpl, "apache-2.0", "gpl-3.0"), (Chat, Root, "mit", "llama2")],
            relaxed.Select(r => (r.Child, r.Base, r.ChildLicense, r.BaseLicense)));
        Assert.Equal(["merge", "finetune"], relaxed.Select(r => r.Relation));
    }

    [Fact]
    public void Sources_and_disagreements_are_counted_per_model_in_a_link()
    {
        // Models in a link only (the unnamed GGUF is in none). Card: root, chat, gguf, lora, gpl, merge, orphan, disagree;
        // tag only: the pickle model; none: cyc/a, cyc/b.
        var drift = _provenance.Licenses();

        Assert.Equal(8, drift.Sources["card"]);
        Assert.Equal(1, drift.Sources["tag"]);
        Assert.Equal(2, drift.Sources["none"]);
        Assert.Equal(1, drift.Disagreements);
        Assert.Equal((Disagree, "apache-2.0", "mit"), Assert.Single(drift.DisagreementExamples));
    }

    [Fact]
    public void The_matrix_and_the_relation_table_add_up_to_the_links()
    {
        var drift = _provenance.Licenses();

        var matrix = drift.Matrix();
        Assert.Equal(drift.Edges, matrix.Columns.Skip(1).Sum(c => Enumerable.Range(0, (int)c.Length).Sum(i => (long)c[i]!)));
        Assert.Equal(1L, matrix.Columns["permissive"][(int)LicenseFamily.Restrictive]);
        var byRelation = drift.ByRelation();
        Assert.Equal(drift.Edges, Enumerable.Range(0, (int)byRelation.Rows.Count).Sum(i => (long)byRelation.Columns["links"][i]!));
        Assert.Equal(drift.Relaxed.Count, Enumerable.Range(0, (int)byRelation.Rows.Count).Sum(i => (long)byRelation.Columns["relaxed"][i]!));
    }

    [Fact]
    public void The_json_has_exactly_the_issues_keys()
    {
        var json = _provenance.Licenses().ToJson();

        Assert.Equal(["edges", "changed", "transitions", "relaxed"], json.Select(p => p.Key));
        Assert.All(json["transitions"]!.AsArray(), t => Assert.Equal(["parent", "child", "relation", "models"], t!.AsObject().Select(p => p.Key)));
        Assert.All(json["relaxed"]!.AsArray(), r => Assert.Equal(["child", "base", "childLicense", "baseLicense"], r!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Siblings_and_parent_child_pairs_are_counted_where_both_state_the_trait()
    {
        var similarity = _provenance.Similarity();

        // License (none left out): links chat->root, gguf->chat, lora->chat, merge->chat, merge->gpl, disagree->pickle;
        // only gguf keeps chat's mit. Siblings: chat's three children (mit, cc-by-nc-4.0, apache-2.0) make 3 pairs, none agreeing.
        Assert.Equal(new TraitAgreement("license", 3, 0, 6, 1), similarity["license"]);
        // Languages: only the root (de, en, fr) and chat (en) state them.
        Assert.Equal(new TraitAgreement("languages", 0, 0, 1, 0), similarity["languages"]);
        // Task: root, chat, gguf and merge are text-generation: links chat->root, gguf->chat, merge->chat; siblings gguf and merge.
        Assert.Equal(new TraitAgreement("task", 1, 1, 3, 3), similarity["task"]);

        var languages = similarity.Directions.Single(d => d.Trait == "languages");
        Assert.Equal((1L, 0L, 1L), (languages.TowardLinks, languages.AwayLinks, languages.Compared));
        var license = similarity.Directions.Single(d => d.Trait == "license");
        Assert.Equal((2L, 1L, 6L), (license.TowardLinks, license.AwayLinks, license.Compared));
    }
}
