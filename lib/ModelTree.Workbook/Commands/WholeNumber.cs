using System.Globalization;

namespace ModelTree.Workbook.Commands;

/// <summary>Integer options that say in words what they take, and refuse values that make no sense.</summary>
internal static class WholeNumber
{
    /// <summary>An option taking a whole number of at least <paramref name="minimum"/>, with a default.</summary>
    public static Option<int> Option(string name, string description, int defaultValue, int minimum) =>
        new(name)
        {
            Description = description,
            HelpName = "n",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(name, result.Tokens.Count == 0 ? null : result.Tokens[0].Value, minimum, result),
        };

    /// <summary>An optional whole-number option (null when absent).</summary>
    public static Option<int?> Optional(string name, string description, int minimum) =>
        new(name)
        {
            Description = description,
            HelpName = "n",
            CustomParser = result => result.Tokens.Count == 0 ? null : Parse(name, result.Tokens[0].Value, minimum, result),
        };

    private static int Parse(string name, string? text, int minimum, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (text is null)
        {
            result.AddError($"{name} needs a whole number of at least {minimum.ToString(CultureInfo.InvariantCulture)} after it.");
            return minimum;
        }
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name} takes a whole number, not '{text}'.");
            return minimum;
        }
        if (value < minimum)
        {
            result.AddError($"{name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}.");
        }
        return value;
    }
}
