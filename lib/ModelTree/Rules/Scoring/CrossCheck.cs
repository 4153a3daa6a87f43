namespace ModelTree.Rules;

/// <summary>
/// The SQL path and the C# path run over the same rows: how many rows were compared and every row
/// where label, deciding rule, matched rules or the contested flag differ (none, when all is well).
/// </summary>
public sealed record CrossCheck(string RuleSet, long Rows, IReadOnlyList<string> Mismatches)
{
    /// <summary>Models in the table (more than <see cref="Rows"/> when a subset was checked).</summary>
    public long TableRows { get; init; } = Rows;

    /// <summary>True when both paths agree on every row.</summary>
    public bool Agrees => Mismatches.Count == 0;

    public override string ToString() =>
        Agrees
            ? TableRows > Rows
                ? $"SQL and C# agree on all {Rows} models checked, a fixed subset of the {TableRows} ({RuleSet})"
                : $"SQL and C# agree on all {Rows} models ({RuleSet})"
            : $"SQL and C# disagree on {Mismatches.Count} of {Rows} models ({RuleSet}): {string.Join("; ", Mismatches.Take(5))}";
}
