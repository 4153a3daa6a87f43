namespace ModelTree.Workbook.Runner;

/// <summary>One output of a cell, in the nbformat output kinds an executed Polyglot notebook holds.</summary>
internal abstract record CellOutput;

/// <summary>
/// A displayed value (<c>display_data</c>). <paramref name="Data"/> maps MIME types (text/html, text/plain)
/// to content; <paramref name="IsResult"/> marks the value of the cell's last expression; <paramref name="ValueId"/>
/// is the kernel's id for a value that later events may update.
/// </summary>
internal sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult = false, string? ValueId = null) : CellOutput;

/// <summary>Text written to the console while the cell ran: <c>stream</c> named stdout or stderr.</summary>
internal sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>The error that stopped the cell: <c>error</c> with its name, message and traceback lines.</summary>
internal sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
