using ModelTree.Records;

namespace ModelTree.Rules;

/// <summary>The labels a classification can give: the four relations, plus <see cref="None"/> and <see cref="Ambiguous"/>.</summary>
public static class Labels
{
    /// <summary>No relation: no base model (or, for the Hub, no label).</summary>
    public const string None = "none";

    /// <summary>Rules of different relations matched at the same level of precedence.</summary>
    public const string Ambiguous = "ambiguous";

    /// <summary>The four relations in the order tables show them, then ambiguous and none.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Relations.Known, Ambiguous, None];

    /// <summary>True for one of the four relations.</summary>
    public static bool IsRelation(string? label) => label is not null && Relations.Known.Contains(label);

    /// <summary>Orders labels for display: the four relations, other Hub labels, ambiguous, none.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> labels) =>
        labels.Distinct().OrderBy(Rank).ThenBy(l => l, StringComparer.Ordinal);

    private static int Rank(string label) =>
        Relations.Known.IndexOf(label) is var i and >= 0 ? i : label == Ambiguous ? 10 : label == None ? 11 : 5;

    private static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
