using System.Text;
using ModelTree.Data;
using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>
/// The "Model tree" box of a model page, as the Hub shows it: the model's bases with its relation to
/// them, and how many models name it directly as their base, by relation.
/// </summary>
public sealed record ModelTreeBox
{
    /// <summary>The model.</summary>
    public required string Id { get; init; }

    /// <summary>False when the model is not a row of the data (only other models name it as a base).</summary>
    public bool InTable { get; init; }

    /// <summary>The bases the model names (empty for a base model).</summary>
    public IReadOnlyList<BaseLink> Bases { get; init; } = [];

    /// <summary>Direct children labelled adapter.</summary>
    public int Adapters { get; init; }

    /// <summary>Direct children labelled finetune.</summary>
    public int Finetunes { get; init; }

    /// <summary>Direct children labelled quantized.</summary>
    public int Quantizations { get; init; }

    /// <summary>Direct children labelled merge.</summary>
    public int Merges { get; init; }

    /// <summary>Direct children whose link carries no known relation (tag <c>base_model:&lt;id&gt;</c> or a card without <c>base_model_relation</c>). The Hub shows none of these.</summary>
    public int Unlabelled { get; init; }

    /// <summary>The model's own relation to its bases, as the box's heading would say it (null for a base model).</summary>
    public Relation? Relation => Bases.Count == 0 ? null : Bases[0].Relation;

    /// <summary>All direct children.</summary>
    public int DirectChildren => Adapters + Finetunes + Quantizations + Merges + Unlabelled;

    /// <summary>Direct children by relation label (<c>finetune</c>, <c>adapter</c>, <c>quantized</c>, <c>merge</c>, and <c>unknown</c> when any).</summary>
    public IReadOnlyDictionary<string, int> Children
    {
        get
        {
            var counts = new Dictionary<string, int>
            {
                ["adapter"] = Adapters,
                ["finetune"] = Finetunes,
                ["quantized"] = Quantizations,
                ["merge"] = Merges,
            };
            if (Unlabelled > 0)
            {
                counts["unknown"] = Unlabelled;
            }
            return counts;
        }
    }

    /// <summary>The box as the Hub lays it out, in plain text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("Model tree for ").Append(Id).AppendLine();
        foreach (var b in Bases)
        {
            text.Append("  Base model  ").Append(ModelIds.Shown(b.Id, b.InTable)).AppendLine();
        }
        if (Bases.Count > 0)
        {
            text.Append("  ").Append(Heading(Bases[0].Relation, Bases.Count)).AppendLine("  this model");
        }
        Line(text, "Adapters", Adapters);
        Line(text, "Finetunes", Finetunes);
        Line(text, "Merges", Merges);
        Line(text, "Quantizations", Quantizations);
        Line(text, "Unlabelled", Unlabelled);
        return text.ToString().TrimEnd();
    }

    /// <summary>The heading the Hub puts above "this model": "Finetuned", "Adapter", "Quantized", "Merge".</summary>
    public static string Heading(Relation relation, int bases) => relation switch
    {
        Records.Relation.Finetune => "Finetuned",
        Records.Relation.Adapter => "Adapter",
        Records.Relation.Quantized => "Quantized",
        Records.Relation.Merge => "Merge",
        _ => bases > 1 ? "Derived (several bases)" : "Derived",
    };

    private static void Line(StringBuilder text, string label, int count)
    {
        if (count > 0)
        {
            text.Append("  ").Append(label).Append("  ").Append(count).Append(count == 1 ? " model" : " models").AppendLine();
        }
    }
}
