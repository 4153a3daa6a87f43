using Microsoft.Data.Analysis;

namespace ModelTree;

/// <summary>Query results as <see cref="DataFrame"/>s, the table type notebooks show and compute on.</summary>
public static class QueryFrames
{
    /// <summary>
    /// Runs a query on <c>models</c> (or anything else in the database) and returns its rows as a
    /// DataFrame: integers as Int64 columns, floating point as Double, booleans as Boolean, timestamps
    /// as DateTime, and everything else (text, lists, structs) as text.
    /// </summary>
    public static DataFrame Query(this HubData hub, string sql)
    {
        using var reader = hub.Reader(sql);
        var columns = new List<DataFrameColumn>();
        var setters = new List<Action<object?>>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            switch (Type.GetTypeCode(reader.GetFieldType(i)))
            {
                case TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte or TypeCode.SByte
                    or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64:
                    var longs = new Int64DataFrameColumn(name);
                    columns.Add(longs);
                    setters.Add(v => longs.Append(v is null ? null : Convert.ToInt64(v)));
                    break;
                case TypeCode.Double or TypeCode.Single or TypeCode.Decimal:
                    var doubles = new DoubleDataFrameColumn(name);
                    columns.Add(doubles);
                    setters.Add(v => doubles.Append(v is null ? null : Convert.ToDouble(v)));
                    break;
                case TypeCode.Boolean:
                    var bools = new BooleanDataFrameColumn(name);
                    columns.Add(bools);
                    setters.Add(v => bools.Append(v is null ? null : (bool)v));
                    break;
                case TypeCode.DateTime:
                    var dates = new PrimitiveDataFrameColumn<DateTime>(name);
                    columns.Add(dates);
                    setters.Add(v => dates.Append(v is null ? null : (DateTime)v));
                    break;
                default:
                    var strings = new StringDataFrameColumn(name);
                    columns.Add(strings);
                    setters.Add(v => strings.Append(v is null ? null : Display.ValueText.Format(v)));
                    break;
            }
        }

        while (reader.Read())
        {
            for (var i = 0; i < setters.Count; i++)
            {
                setters[i](reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
        }
        return new DataFrame(columns);
    }
}
