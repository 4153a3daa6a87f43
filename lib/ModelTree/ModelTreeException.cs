namespace ModelTree;

/// <summary>
/// A failure caused by input or environment (a missing file, a schema the workbook cannot use, a bad
/// rule file) whose message names the file, row or cell and says what to do. Front ends print the
/// message alone, without a stack trace.
/// </summary>
public class ModelTreeException(string message, Exception? inner = null) : Exception(message, inner);
