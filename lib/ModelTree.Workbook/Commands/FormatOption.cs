namespace ModelTree.Workbook.Commands;

/// <summary>The <c>--format</c> option: the first of its formats is the default, and no other value is accepted.</summary>
internal static class FormatOption
{
    /// <summary>A <c>--format</c> option taking one of <paramref name="formats"/> (default: the first).</summary>
    public static Option<string> Create(string description, params string[] formats)
    {
        var option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>The <c>--format</c> of a command that writes tables or one JSON object holding <paramref name="jsonFields"/>.</summary>
    public static Option<string> TableOrJson(string jsonFields) =>
        Create($"table (default) or json ({jsonFields}).", "table", "json");
}
