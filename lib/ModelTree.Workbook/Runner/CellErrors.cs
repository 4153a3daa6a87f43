using System.Diagnostics;
using System.Reflection;
using Microsoft.DotNet.Interactive.Events;

namespace ModelTree.Workbook.Runner;

/// <summary>How a failed cell is described: the error output's name and a message a reader can act on.</summary>
internal static class CellErrors
{
    /// <summary>
    /// The error's name and message: a workbook error (<see cref="ModelTreeException"/>) by its message alone, any
    /// other exception by its type, message and the line of the cell it left, and compile or directive errors as the
    /// kernel reported them (line and column, code, message).
    /// </summary>
    public static (string Name, string Message) Describe(CommandFailed failed)
    {
        if (failed.Exception is not { } thrown || thrown.GetType().Name == "CodeSubmissionCompilationErrorException")
        {
            return ("Error", failed.Message.Trim());
        }
        var e = Unwrap(thrown);
        if (e is ModelTreeException)
        {
            return (nameof(ModelTreeException), e.Message);
        }
        var line = CellLine(e);
        var where = line is null ? "" : $" (at line {line})";
        return (e.GetType().FullName ?? e.GetType().Name, $"{e.GetType().Name}{where}: {e.Message}");
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
