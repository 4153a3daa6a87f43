using System.Text;
using ModelTree.Data;

namespace ModelTree.Rules;

/// <summary>
/// Several file-name tests asked of each repository's file list in one pass. Asked one by one, every test walks the
/// list again and lower-cases every name again (a dozen walks per model for <c>model_facts</c>); here the names are
/// lower-cased once, each file gets one integer with a bit per test it passes, and the bits of all files are OR-ed
/// together. A test's column is then one bit of that number. Each test keeps exactly its LIKE meaning: a file passes
/// when its lower-cased name matches one of <see cref="FileTest.AnyOf"/> and none of <see cref="FileTest.NoneOf"/>.
/// </summary>
internal sealed class FileFacts
{
    /// <summary>At most this many tests fit in one BIGINT of bits.</summary>
    public const int MaxTests = 62;

    private readonly List<FileTest> _tests;

    public FileFacts(IEnumerable<FileTest> tests)
    {
        _tests = [.. tests];
        if (_tests.Count > MaxTests)
        {
            throw new ArgumentException($"{_tests.Count} file tests do not fit in one BIGINT (at most {MaxTests}).", nameof(tests));
        }
        var twice = _tests.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"The file test '{twice.Key}' is defined twice.", nameof(tests));
        }
    }

    /// <summary>
    /// The BIGINT with bit <c>i</c> set when some file passes test <c>i</c> (NULL for a NULL or empty list) over the
    /// list column <paramref name="column"/> of <c>{rfilename}</c> structs.
    /// </summary>
    public string Bits(string column = "siblings")
    {
        var perFile = new StringBuilder();
        for (var i = 0; i < _tests.Count; i++)
        {
            perFile.Append(i == 0 ? "" : " | ").Append($"CASE WHEN {Matches(_tests[i])} THEN {1L << i} ELSE 0 END");
        }
        return $"list_aggregate(list_transform(list_transform({column}, lambda s: lower(s.rfilename)), lambda f: ({perFile})::BIGINT), 'bit_or')";
    }

    /// <summary>True when some file passed test <paramref name="name"/>, given the column <paramref name="bits"/> holding <see cref="Bits"/>; never NULL.</summary>
    public string Has(string name, string bits = "file_bits")
    {
        var index = _tests.FindIndex(t => t.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"No file test named '{name}'.", nameof(name));
        }
        return $"coalesce(({bits} & {1L << index}) <> 0, false)";
    }

    private static string Matches(FileTest test)
    {
        var any = string.Join(" OR ", test.AnyOf.Select(p => $"f LIKE {Sql.Literal(p)}"));
        return test.NoneOf.Count == 0 ? $"({any})" : $"(({any}) AND NOT ({string.Join(" OR ", test.NoneOf.Select(p => $"f LIKE {Sql.Literal(p)}"))}))";
    }
}

/// <summary>One file-name test: a file passes when its lower-cased name is LIKE one of <paramref name="AnyOf"/> and none of <paramref name="NoneOf"/>.</summary>
internal sealed record FileTest(string Name, IReadOnlyList<string> AnyOf, IReadOnlyList<string> NoneOf)
{
    public FileTest(string name, IReadOnlyList<string> anyOf) : this(name, anyOf, []) { }
}
