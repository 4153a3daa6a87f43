namespace ModelTree.Data;

/// <summary>How much a schema problem matters.</summary>
public enum Severity
{
    /// <summary>Worth knowing; no figure is affected.</summary>
    Info,

    /// <summary>The data opens, but figures that use this column will be empty or partial.</summary>
    Warning,

    /// <summary>The data cannot be used until this is fixed.</summary>
    Error,
}

/// <summary>One thing found wrong (or worth knowing) about a column of the data.</summary>
public sealed record SchemaProblem(string Column, Severity Severity, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Column}: {Message}";
}
