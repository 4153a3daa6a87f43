using System.Reflection;
using Microsoft.Data.Analysis;

namespace ModelTree;

/// <summary>Objects (records, anonymous objects from a LINQ <c>Select</c>) as a <see cref="DataFrame"/>, so a cell shows them as one table.</summary>
public static class RowFrames
{
    /// <summary>
    /// One column per public property of <typeparamref name="T"/>, in declaration order, one row per item:
    /// whole numbers as Int64, other numbers as Double, booleans as Boolean, dates as DateTime, and
    /// anything else as text (lists as <c>[a, b]</c>, enums by name). An empty sequence gives the columns and no rows.
    /// </summary>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var items = rows.ToList();
        return new DataFrame(properties.Select(p => Column(p, items.Select(i => i is null ? null : p.GetValue(i)).ToList())));
    }

    private static DataFrameColumn Column(PropertyInfo property, List<object?> values)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = property.Name;
        if (type.IsEnum)
        {
            return new StringDataFrameColumn(name, values.Select(v => v?.ToString()));
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte or TypeCode.SByte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 =>
                new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v))),
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal =>
                new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v))),
            TypeCode.Boolean => new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
            TypeCode.DateTime => new PrimitiveDataFrameColumn<DateTime>(name, values.Select(v => (DateTime?)v)),
            _ => new StringDataFrameColumn(name, values.Select(v => v is null ? null : Display.ValueText.Format(v))),
        };
    }
}
