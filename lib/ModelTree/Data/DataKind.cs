namespace ModelTree.Data;

/// <summary>The forms a dataset can come in.</summary>
public enum DataKind
{
    /// <summary>A hub-stats <c>models.parquet</c>: the committed sample or a real snapshot.</summary>
    Parquet,

    /// <summary>JSON Lines of Hub API model records, one object per line.</summary>
    JsonLines,

    /// <summary>A folder: every parquet and JSON Lines file at its top level, stacked into one table (the real records in <c>data/real/</c>).</summary>
    Folder,
}
