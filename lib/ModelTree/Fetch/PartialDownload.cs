using System.Text.Json;

namespace ModelTree.Fetch;

/// <summary>
/// An interrupted download: the bytes so far in <c>&lt;out&gt;.part</c> and, beside them in
/// <c>&lt;out&gt;.part.meta</c>, the address and what the server said about the file. A resume is
/// safe only when the server still describes the same file.
/// </summary>
internal sealed class PartialDownload(string outPath)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Part { get; } = outPath + ".part";

    public string Meta => Part + ".meta";

    public long Length => File.Exists(Part) ? new FileInfo(Part).Length : 0;

    /// <summary>The saved address and identity, or null when there is none or it cannot be read.</summary>
    public Saved? Load()
    {
        if (!File.Exists(Meta))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Saved>(File.ReadAllText(Meta));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(Uri url, RemoteIdentity identity) =>
        File.WriteAllText(Meta, JsonSerializer.Serialize(new Saved(url.ToString(), identity), Json));

    /// <summary>Removes the bytes and the description (a fresh start, or the file is in place).</summary>
    public void Clear()
    {
        File.Delete(Part);
        File.Delete(Meta);
    }

    internal sealed record Saved(string Url, RemoteIdentity Identity);
}
