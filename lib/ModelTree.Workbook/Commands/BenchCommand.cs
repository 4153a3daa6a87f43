using System.CommandLine;

namespace ModelTree.Workbook.Commands;

/// <summary><c>bench</c>: timings on large generated tables. (Minimal parent for <c>bench graph</c>; <c>bench rules</c> joins it.)</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Measure the workbook on large generated tables (data/bench/models-<rows>.parquet, made on first use).")
    {
        BenchGraphCommand.Create(),
    };
}
