namespace ModelTree.Data;

/// <summary>
/// What opening a dataset found out about its columns: which were there, with which type, and what
/// is missing or mistyped. Notebooks show it; code that needs a column asks <see cref="Require"/>.
/// </summary>
public sealed class SchemaReport
{
    public SchemaReport(string source, IReadOnlyDictionary<string, string> foundTypes, IReadOnlyList<SchemaProblem> problems)
    {
        Source = source;
        FoundTypes = foundTypes;
        Problems = problems;
    }

    /// <summary>The file that was checked.</summary>
    public string Source { get; }

    /// <summary>Each column the file has, with the DuckDB type found.</summary>
    public IReadOnlyDictionary<string, string> FoundTypes { get; }

    /// <summary>Everything found wrong or worth knowing, most severe first.</summary>
    public IReadOnlyList<SchemaProblem> Problems { get; }

    /// <summary>True when the file has the column (whatever its type).</summary>
    public bool Has(string column) => FoundTypes.ContainsKey(column);

    /// <summary>Throws a clear error when any of the columns is missing from the data.</summary>
    public void Require(params string[] columns)
    {
        var missing = columns.Where(c => !Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ModelTreeException(
                $"{Path.GetFileName(Source)} has no column {string.Join(", ", missing)}, which this step needs. " +
                string.Join(" ", Problems.Where(p => missing.Contains(p.Column)).Select(p => p.Message)));
        }
    }

    /// <summary>This report with more problems added, most severe first.</summary>
    internal SchemaReport With(IReadOnlyList<SchemaProblem> more) =>
        more.Count == 0 ? this
            : new SchemaReport(Source, FoundTypes, [.. Problems.Concat(more).OrderByDescending(p => p.Severity)]);

    public override string ToString() =>
        Problems.Count == 0 ? $"{Path.GetFileName(Source)}: all {FoundTypes.Count} columns as expected"
            : string.Join(Environment.NewLine, Problems);
}
