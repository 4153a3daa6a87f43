using System.Text;
using System.Text.RegularExpressions;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Splits a code cell into steps: directives (<c>#r</c>, <c>#!connect</c>), kernel switches
/// (<c>#!csharp</c>, <c>#!hub</c>) and the code between them. Every directive is checked before any
/// step runs, so a cell with a directive the runner does not understand runs nothing.
/// </summary>
public static partial class CellPlanner
{
    /// <summary>
    /// Plans <paramref name="cell"/>. <paramref name="isKernel"/> says whether a name (after <c>#!</c>)
    /// is a kernel: the notebook's declared kernels and those connected so far.
    /// </summary>
    public static IReadOnlyList<CellStep> Plan(NotebookDocument notebook, NotebookCell cell, Func<string, bool> isKernel)
    {
        var lines = cell.Source.Split('\n');
        var steps = new List<CellStep>();
        var kernel = cell.Kernel;
        var segment = new bool[lines.Length];
        var connected = new HashSet<string>(StringComparer.Ordinal);

        void Flush()
        {
            if (segment.Any(x => x))
            {
                var code = new StringBuilder();
                for (var i = 0; i < lines.Length; i++)
                {
                    code.Append(segment[i] ? lines[i].TrimEnd('\r') : "").Append('\n');
                }
                if (!string.IsNullOrWhiteSpace(code.ToString()))
                {
                    steps.Add(new CodeStep(kernel, code.ToString()));
                }
            }
            Array.Clear(segment);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var word = line[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                Flush();
                if (word == "connect")
                {
                    var connect = ParseConnect(notebook, cell, line, i + 1);
                    connected.Add(connect.KernelName);
                    steps.Add(new DirectiveStep(connect));
                }
                else if (isKernel(word) || connected.Contains(word))
                {
                    if (word != line[2..])
                    {
                        throw Unsupported(notebook, cell, line, $"kernel switches take no options here: write #!{word} alone on the line.");
                    }
                    kernel = notebook.KernelNames.GetValueOrDefault(word, word);
                }
                else
                {
                    throw Unsupported(notebook, cell, line,
                        "the runner does not understand this directive. It understands #r \"nuget: <carried package>\", " +
                        "#r \"<path>.dll\", #!connect duckdb --kernel-name <name> --connection-string \"Data Source=<path>\", " +
                        "and kernel switches (#!csharp, #!<connected kernel>). Remove the line or rewrite it in C#.");
                }
            }
            else if (IsReferenceLine(line, "#r"))
            {
                Flush();
                steps.Add(new DirectiveStep(ParseReference(notebook, cell, line, i + 1)));
            }
            else if (IsReferenceLine(line, "#i"))
            {
                throw Unsupported(notebook, cell, line,
                    "package sources are not supported: the runner only loads the packages it carries.");
            }
            else
            {
                segment[i] = true;
            }
        }
        Flush();
        return steps;
    }

    /// <summary>The failure for a directive the runner cannot handle, naming notebook, cell and directive.</summary>
    public static ModelTreeException Unsupported(NotebookDocument notebook, NotebookCell cell, string line, string why) =>
        new($"{notebook.Name}, cell {cell.Number}: directive '{line}': {why}");

    private static bool IsReferenceLine(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal)
        && (line.Length == keyword.Length || char.IsWhiteSpace(line[keyword.Length]) || line[keyword.Length] == '"');

    private static Directive ParseReference(NotebookDocument notebook, NotebookCell cell, string line, int lineNumber)
    {
        var match = ReferencePattern().Match(line);
        if (!match.Success)
        {
            throw Unsupported(notebook, cell, line, "expected #r \"nuget: <package>, <version>\" or #r \"<path>.dll\".");
        }
        var target = match.Groups[1].Value.Trim();
        if (!target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            return new AssemblyDirective(line, lineNumber, target);
        }
        var parts = target["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
        var package = parts[0];
        var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (!CarriedPackages.Packages.Contains(package))
        {
            throw Unsupported(notebook, cell, line,
                $"the runner cannot download packages and does not carry '{package}'. It carries: " +
                $"{string.Join(", ", CarriedPackages.Packages.Order(StringComparer.OrdinalIgnoreCase))}.");
        }
        return new NugetDirective(line, lineNumber, package, version);
    }

    private static ConnectDirective ParseConnect(NotebookDocument notebook, NotebookCell cell, string line, int lineNumber)
    {
        var words = Tokenize(line[2..]);
        if (words.Count < 2 || words[1] != "duckdb")
        {
            throw Unsupported(notebook, cell, line, "the runner connects only DuckDB: #!connect duckdb --kernel-name <name> --connection-string \"Data Source=<path>\".");
        }
        string? name = null, connectionString = null;
        for (var i = 2; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "--kernel-name" when i + 1 < words.Count:
                    name = words[++i];
                    break;
                case "--connection-string" when i + 1 < words.Count:
                    connectionString = words[++i];
                    break;
                case var word when !word.StartsWith("--", StringComparison.Ordinal) && connectionString is null:
                    connectionString = word;
                    break;
                default:
                    throw Unsupported(notebook, cell, line, $"unexpected '{words[i]}'; expected --kernel-name <name> --connection-string \"Data Source=<path>\".");
            }
        }
        if (name is null || connectionString is null)
        {
            throw Unsupported(notebook, cell, line, "both --kernel-name <name> and --connection-string \"Data Source=<path>\" are needed.");
        }
        return new ConnectDirective(line, lineNumber, name, connectionString);
    }

    /// <summary>Splits on white space; double quotes group words and are removed.</summary>
    internal static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }
                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }
        if (any)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    [GeneratedRegex("""^#r\s+"([^"]*)"\s*$""")]
    private static partial Regex ReferencePattern();
}
