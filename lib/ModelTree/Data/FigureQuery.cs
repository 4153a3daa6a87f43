using System.Globalization;

namespace ModelTree;

/// <summary>Reads a one-row query of counts (e.g. <c>SELECT count(*) AS models, ...</c>) as named figures.</summary>
public static class FigureQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/> and returns its first row as column name → whole number: NULL (a SUM
    /// over no rows) reads as 0, and so does every column when the query returns no row at all.
    /// </summary>
    /// <exception cref="ModelTreeException">A column is not a number.</exception>
    public static IReadOnlyDictionary<string, long> Figures(this HubData hub, string sql)
    {
        using var reader = hub.Reader(sql);
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        if (!reader.Read())
        {
            return names.ToDictionary(n => n, _ => 0L);
        }
        var figures = new Dictionary<string, long>();
        for (var i = 0; i < names.Count; i++)
        {
            var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            figures[names[i]] = value switch
            {
                null => 0,
                bool b => b ? 1 : 0,
                System.Numerics.BigInteger big => (long)big,
                IConvertible number when number is not string => Convert.ToInt64(number, CultureInfo.InvariantCulture),
                _ => throw new ModelTreeException($"Figure '{names[i]}' is not a number ({value}); a figures query returns counts only."),
            };
        }
        return figures;
    }
}
