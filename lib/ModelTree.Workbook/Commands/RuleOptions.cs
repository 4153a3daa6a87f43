using System.CommandLine;
using ModelTree.Rules;

namespace ModelTree.Workbook.Commands;

/// <summary>The options the rule commands share: which data, which rule file.</summary>
internal static class RuleOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "A rule file (JSON; start from a copy of lib/ModelTree/Rules/default-rules.json). Default: the study's rules.",
    };

    public static RuleSet Load(string? path) => path is null ? RuleSet.Default : RuleFile.Load(path);

    public static string Format(double? value) => value is { } v ? v.ToString("0.000") : "n/a";
}
