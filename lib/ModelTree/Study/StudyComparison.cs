using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;
using ModelTree.Study;

namespace ModelTree;

/// <summary>
/// A notebook's closing summary: this data's figures beside the study's published ones
/// (<see cref="StudyFigures"/>), each labelled with where it comes from. Show it with
/// <see cref="ToFrame"/>; <see cref="Save"/> writes the figures as JSON beside the run's other outputs
/// so that tests and scripts can read them without parsing HTML.
/// </summary>
public sealed class StudyComparison(string notebook)
{
    private readonly List<ComparedFigure> _figures = [];

    /// <summary>The notebook the figures belong to (the JSON file's name).</summary>
    public string Notebook { get; } = notebook;

    /// <summary>What "this data" is (<c>HubData.DataLabel</c>: synthetic sample, real records, April 2025, ...), shown in its column's header.</summary>
    public string? DataLabel { get; init; }

    /// <summary>The figures, in the order added.</summary>
    public IReadOnlyList<ComparedFigure> Figures => _figures;

    /// <summary>Adds a count, and the study's count when it published one.</summary>
    public StudyComparison Count(string name, long thisData, long? study = null)
    {
        _figures.Add(new ComparedFigure(name, thisData, study));
        return this;
    }

    /// <summary>Adds a share <paramref name="part"/> / <paramref name="whole"/> (none when the whole is 0), and the study's.</summary>
    public StudyComparison Share(string name, long part, long whole, long? studyPart = null, long? studyWhole = null)
    {
        var study = studyPart is { } p && studyWhole is { } w ? (p, w) : ((long, long)?)null;
        _figures.Add(new ComparedFigure(name, Ratio(part, whole), study is { } s ? Ratio(s.Item1, s.Item2) : null, IsShare: true)
        {
            ThisCounts = (part, whole),
            StudyCounts = study,
        });
        return this;
    }

    /// <summary>Adds every figure of <paramref name="other"/> (e.g. an earlier cell's), in its order.</summary>
    public StudyComparison Include(StudyComparison other)
    {
        _figures.AddRange(other.Figures);
        return this;
    }

    /// <summary>This data's value of a figure, by name.</summary>
    /// <exception cref="KeyNotFoundException">No figure has that name.</exception>
    public double? this[string name] =>
        _figures.FirstOrDefault(f => f.Name == name)?.ThisData
        ?? (_figures.Any(f => f.Name == name) ? null : throw new KeyNotFoundException($"No figure named '{name}' in {Notebook}'s summary."));

    /// <summary>The table a summary cell shows: figure, this data, and the study (labelled <see cref="StudyFigures.Label"/>).</summary>
    public DataFrame ToFrame() => new(
        new StringDataFrameColumn("figure", _figures.Select(f => f.Name)),
        new StringDataFrameColumn(DataLabel is null ? "this data" : $"this data ({DataLabel})", _figures.Select(f => Format(f.ThisData, f.ThisCounts, f.IsShare, "no rows here"))),
        new StringDataFrameColumn(StudyFigures.Label, _figures.Select(f => Format(f.Study, f.StudyCounts, f.IsShare, "not published"))));

    /// <summary>Writes the figures to <c>figures/&lt;notebook&gt;.json</c> in <see cref="WorkbookPaths.OutputDir"/> (or <paramref name="folder"/>); returns the path.</summary>
    public string Save(string? folder = null)
    {
        var dir = Path.Combine(Path.GetFullPath(folder ?? WorkbookPaths.OutputDir), "figures");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Notebook + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(_figures, JsonOptions));
        return path;
    }

    /// <summary>Reads figures that <see cref="Save"/> wrote.</summary>
    public static StudyComparison Load(string path)
    {
        var comparison = new StudyComparison(Path.GetFileNameWithoutExtension(path));
        comparison._figures.AddRange(JsonSerializer.Deserialize<List<ComparedFigure>>(File.ReadAllText(path), JsonOptions) ?? []);
        return comparison;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, IncludeFields = true };

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static string Format(double? value, (long Part, long Whole)? counts, bool isShare, string missing) => value switch
    {
        null => missing,
        { } v when isShare && counts is { } c =>
            string.Create(CultureInfo.InvariantCulture, $"{v:0.0%} ({c.Part:#,0} of {c.Whole:#,0})"),
        { } v when isShare => v.ToString("0.0%", CultureInfo.InvariantCulture),
        { } v => v.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
