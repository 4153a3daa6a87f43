using ModelTree.Records;

namespace ModelTree.Graph.Internal;

/// <summary>Relations stored as bytes (the <see cref="Relation"/> enum's values).</summary>
internal static class RelationCodes
{
    public const int Count = 5;

    public static byte Of(string? label) => label is null ? (byte)Relation.Unknown : (byte)Relations.Parse(label);

    /// <summary>Reads a Hub tag <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> or <c>base_model:&lt;id&gt;</c>.
    /// Repository ids never contain ':', so a second ':' always ends a relation word.</summary>
    public static bool TryParseTag(string tag, out string baseId, out byte relation)
    {
        const string prefix = "base_model:";
        baseId = "";
        relation = (byte)Relation.Unknown;
        if (!tag.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = tag.AsSpan(prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            relation = Of(rest[..colon].ToString());
            rest = rest[(colon + 1)..];
        }
        rest = rest.Trim();
        if (rest.IsEmpty || rest.IndexOf(':') >= 0)
        {
            return false;
        }
        baseId = rest.ToString();
        return true;
    }
}
