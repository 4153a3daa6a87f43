using System.Diagnostics;
using System.Reflection;
using Microsoft.DotNet.Interactive.Events;

namespace ModelTree.Workbook.Runner;

/// <summary>How a failed cell is described: the error output's name and a message a reader can act on.</summary>
internal static class CellErrors
{
    /// <summary>
    /// The error output's name and value (nbformat's <c>ename</c> and <c>evalue</c>), and a summary for the run's
    /// report: a workbook error (<see cref="ModelTreeException"/>) by its message alone, any other exception by its
    /// type and message (and the cell's line when the stack knows it), compile and directive errors as the kernel
    /// reported them (line and column within the cell's code, code, message).
    /// </summary>
    public static (string Name, string Value, string Summary) Describe(CommandFailed failed)
    {
        if (failed.Exception is not { } thrown || thrown.GetType().Name == "CodeSubmissionCompilationErrorException")
        {
            var message = failed.Message.Trim();
            return ("Error", message, message);
        }
        var e = Unwrap(thrown);
        if (e is ModelTreeException)
        {
            return (nameof(ModelTreeException), e.Message, e.Message);
        }
        var line = CellLine(e);
        var where = line is null ? "" : $" (at line {line})";
        return (e.GetType().FullName ?? e.GetType().Name, e.Message, $"{e.GetType().Name}{where}: {e.Message}");
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                default:
                    return e;
            }
        }
    }

    /// <summary>The line inside the cell where a thrown exception left the cell's own code, if known.</summary>
    private static int? CellLine(Exception e) =>
        new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.FullName?.StartsWith("Submission#", StringComparison.Ordinal) == true
                && f.GetFileLineNumber() > 0)
            ?.GetFileLineNumber();
}
