using ModelTree.Data;

namespace ModelTree;

/// <summary>
/// The real Hub records the project ships in <c>data/real/</c> (April 2025, the Hub's own labels; finetunes only, see
/// <c>data/README.md</c>). Notebooks open them beside whatever data they run on, so a finding can show the real
/// records' figure next to this data's.
/// </summary>
public static class RealRecords
{
    /// <summary>How their figures are labelled.</summary>
    public const string Label = "real records, April 2025";

    /// <summary>Opens every file of <c>data/real/</c> as one <c>models</c> table, in memory (it never touches the workbook database).</summary>
    public static HubData Open() => HubData.Open(WorkbookPaths.RealRecordsPath, new HubDataOptions { DatabasePath = ":memory:" });
}
