using System.Text.RegularExpressions;
using ModelTree.Records;
using ModelTree.Study;

namespace ModelTree.Provenance;

/// <summary>
/// Which quantized formats a repository holds and at which levels: GGUF and GGML files (levels from their
/// names, <c>model.Q4_K_M.gguf</c>), and the formats the study's tag lists name (<c>gptq</c>, <c>awq</c>,
/// <c>4bit</c>...), read from the tags.
/// </summary>
internal static partial class QuantizationReader
{
    /// <summary>Formats with their levels, e.g. <c>GGUF Q4_K_M, Q8_0</c>; empty when nothing says the weights are quantized.</summary>
    public static IReadOnlyList<string> Read(ModelRecord model)
    {
        var found = new List<string>();
        AddFiles(found, "GGUF", model.Files.Where(FileClassifier.IsGgufFile));
        AddFiles(found, "GGML", model.Files.Where(FileClassifier.IsGgmlFile));
        var tagged = model.Tags.Where(t => Vocabulary.OtherQuantTags.Contains(t, StringComparer.Ordinal)
            || (Vocabulary.QuantTags.Contains(t, StringComparer.Ordinal) && t is not "gguf" and not "quantized")).ToList();
        if (tagged.Count > 0)
        {
            found.Add($"{string.Join(", ", tagged)} (tags)");
        }
        else if (found.Count == 0 && (TagClassifier.IsQuantLike(model.Tags) || TagClassifier.IsOtherQuant(model.Tags)))
        {
            found.Add("quantized (tags; format not named)");
        }
        return found;
    }

    /// <summary>The quantization levels named in file names (upper-cased, in order of first appearance).</summary>
    internal static IReadOnlyList<string> Levels(IEnumerable<string> files) =>
        files.Select(f => Level().Match(Path.GetFileName(f).ToLowerInvariant()))
            .Where(m => m.Success).Select(m => m.Groups[1].Value.ToUpperInvariant()).Distinct().ToList();

    private static void AddFiles(List<string> found, string format, IEnumerable<string> files)
    {
        var list = files.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var levels = Levels(list);
        found.Add(levels.Count == 0 ? format : $"{format} {string.Join(", ", levels.Take(6))}{(levels.Count > 6 ? ", ..." : "")}");
    }

    // q4_k_m, q4_0, q8_0, q5_k, iq3_xxs, f16, bf16, f32, between separators.
    [GeneratedRegex(@"(?<![a-z0-9])(iq[1-4]_[a-z]{1,3}|q[1-8](?:_k)?(?:_[0-9a-z]{1,2})?|bf16|f16|f32)(?=[.\-_]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Level();
}
