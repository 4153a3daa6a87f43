using System.Text.RegularExpressions;

namespace ModelTree.Fetch;

/// <summary>What <see cref="HubFetcher"/> downloads and where to.</summary>
public sealed partial class FetchOptions
{
    /// <summary>The hub-stats models table the study used.</summary>
    public const string DefaultUrl = "https://huggingface.co/datasets/cfahlgren1/hub-stats/resolve/main/models.parquet";

    /// <summary>Where the file comes from.</summary>
    public Uri Url { get; init; } = new(DefaultUrl);

    /// <summary>Where the complete, checked file ends up (the download goes to <c>&lt;OutPath&gt;.part</c> first).</summary>
    public string OutPath { get; init; } = WorkbookPaths.FullDataPath;

    /// <summary>Replace an existing file at <see cref="OutPath"/> (once the new one is complete and checked).</summary>
    public bool Force { get; init; }

    /// <summary>How long to wait for a connection before giving up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the body may stall (no bytes at all) before the download counts as interrupted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The address of the same file at another revision: the path segment after <c>/resolve/</c> (a branch
    /// such as <c>main</c>) becomes <paramref name="revision"/>, a commit of the dataset's git history, so
    /// the download is that day's snapshot and stays the same however often it is repeated.
    /// </summary>
    /// <exception cref="ModelTreeException">The revision is not a plain name or the address has no <c>/resolve/</c> segment.</exception>
    public static Uri AtRevision(Uri url, string revision)
    {
        if (!RevisionName().IsMatch(revision))
        {
            throw new ModelTreeException(
                $"fetch: --revision '{revision}' is not a commit or branch name (letters, digits, '.', '_', '-'); " +
                "give a commit of the dataset's history, e.g. --revision 3f1c9a2e...");
        }
        var segments = url.AbsolutePath.Split('/');
        var resolve = Array.IndexOf(segments, "resolve");
        if (resolve < 0 || resolve + 1 >= segments.Length - 1)
        {
            throw new ModelTreeException(
                $"fetch: --revision needs an address of the form …/resolve/<revision>/<file>; '{url}' has no /resolve/ segment.");
        }
        segments[resolve + 1] = Uri.EscapeDataString(revision);
        return new UriBuilder(url) { Path = string.Join('/', segments) }.Uri;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex RevisionName();
}
