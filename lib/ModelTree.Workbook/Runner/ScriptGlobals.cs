namespace ModelTree.Workbook.Runner;

/// <summary>
/// What a C# cell sees besides its own code, as in Polyglot: <c>display(value)</c> to show a value
/// (a cell may show several), in addition to its last expression's value.
/// </summary>
public sealed class ScriptGlobals
{
    internal CellOutputs? Outputs { get; set; }

    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell: text/html and text/plain, or the
    /// MIME types given (as Polyglot's <c>display(value, "text/html")</c>).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Polyglot's name for it.")]
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var outputs = Outputs ?? throw new InvalidOperationException("display() was called outside a running cell.");
        outputs.Display(value, mimeTypes: mimeTypes);
        return new DisplayedValue(value);
    }

    /// <summary>Marks a string as HTML, so that displaying it shows the markup rendered (Polyglot's <c>HTML(...)</c>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Polyglot's name for it.")]
    public Microsoft.AspNetCore.Html.IHtmlContent HTML(string html) => new Microsoft.AspNetCore.Html.HtmlString(html);
}

/// <summary>What <see cref="ScriptGlobals.display"/> returns; a cell ending in <c>display(x)</c> does not show it twice.</summary>
public sealed class DisplayedValue(object? value)
{
    /// <summary>The value that was displayed.</summary>
    public object? Value { get; } = value;
}
