using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ModelTree.Fetch;

/// <summary>
/// What the server says about the file it sends, gathered over every redirect hop: the entity tag and
/// Last-Modified of the final answer, and the Hub's own <c>X-Linked-Etag</c> (the sha256 of an LFS
/// file), <c>X-Linked-Size</c> and <c>X-Repo-Commit</c>, which the Hub puts on the first hop before it
/// redirects to its storage. Saved beside a partial download so that a resume appends bytes of the
/// same file and nothing else.
/// </summary>
internal sealed partial record RemoteIdentity
{
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The content's sha256 (lower-case hex), when the server gives it in <c>X-Linked-Etag</c>.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The dataset's commit the file comes from (Hub only).</summary>
    public string? Commit { get; init; }

    /// <summary>A validator usable in <c>If-Range</c>: a strong entity tag, else the Last-Modified date.</summary>
    [JsonIgnore]
    public bool HasValidator => StrongETag is not null || LastModified is not null || Sha256 is not null;

    [JsonIgnore]
    public string? StrongETag => ETag is { } e && !e.StartsWith("W/", StringComparison.Ordinal) ? e : null;

    /// <summary>
    /// Compares the validators both sides have, strongest first. Null when they share none, so nothing
    /// can be said (and a resume is not safe).
    /// </summary>
    public bool? SameFileAs(RemoteIdentity other)
    {
        if (Sha256 is not null && other.Sha256 is not null)
        {
            return Sha256 == other.Sha256;
        }
        if (StrongETag is not null && other.StrongETag is not null)
        {
            return StrongETag == other.StrongETag;
        }
        if (LastModified is not null && other.LastModified is not null)
        {
            return LastModified == other.LastModified;
        }
        return null;
    }

    /// <summary>Adds what one response (one hop) says to what earlier hops said.</summary>
    public RemoteIdentity With(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var linked = Header("X-Linked-Etag");
        var etag = response.Headers.ETag?.ToString() ?? Header("ETag");
        return this with
        {
            ETag = etag ?? ETag,
            LastModified = response.Content.Headers.LastModified ?? LastModified,
            Sha256 = Sha256Of(linked) ?? Sha256,
            Commit = Header("X-Repo-Commit") ?? Commit,
        };
    }

    /// <summary>Describes the file for a message: its hash or tag, and the snapshot commit.</summary>
    public string Describe()
    {
        var what = Sha256 is not null ? $"sha256 {Sha256[..12]}…" : ETag is not null ? $"ETag {ETag}" :
            LastModified is not null ? $"modified {LastModified:u}" : "no validator";
        return Commit is null ? what : $"{what}, commit {Commit}";
    }

    /// <summary>Sets <c>If-Range</c> on a resume request to the strongest validator there is.</summary>
    public void ApplyIfRange(HttpRequestMessage request)
    {
        if (StrongETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(tag);
        }
        else if (LastModified is { } date)
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(date);
        }
    }

    private static string? Sha256Of(string? tag)
    {
        var bare = tag?.Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return bare is not null && HexSha256().IsMatch(bare) ? bare.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexSha256();
}
