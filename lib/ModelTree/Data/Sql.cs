namespace ModelTree.Data;

/// <summary>Quoting for SQL the library writes: one place, so no query is built with a hand-rolled escape.</summary>
public static class Sql
{
    /// <summary>A string literal: <c>it's</c> becomes <c>'it''s'</c>.</summary>
    public static string Literal(string text) => $"'{text.Replace("'", "''")}'";

    /// <summary>A quoted identifier: <c>library_name</c> becomes <c>"library_name"</c>.</summary>
    public static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
