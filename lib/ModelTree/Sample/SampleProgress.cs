namespace ModelTree.Sample;

/// <summary>How far <see cref="SampleGenerator.Write"/> is: the stage and the rows done so far.</summary>
/// <param name="Stage">"generating" while rows are made and loaded, "writing parquet" while DuckDB writes the file.</param>
/// <param name="RowsDone">Rows generated and loaded so far.</param>
/// <param name="RowsTotal">Rows asked for.</param>
public readonly record struct SampleProgress(string Stage, long RowsDone, long RowsTotal);
