namespace ModelTree.Workbook.Commands;

/// <summary>The options the rule commands share: which data, which rule file.</summary>
internal static class RuleOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "A built-in rule set by name (refit-2025-04, the default, fitted on real records; study-2026, the study's own) " +
            "or a rule file (JSON; start from a copy of lib/ModelTree/Rules/default-rules.json).",
    };

    public static RuleSet Load(string? path) =>
        path is null ? RuleSet.Default : RuleSet.Named(path) is { } named && !File.Exists(path) ? named : RuleFile.Load(path);

    public static string Format(double? value) => value is { } v ? v.ToString("0.000") : "n/a";
}
