using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace ModelTree.Tests.Display;

[Collection(FormatterRegistryCollection.Name)]
public sealed class FormattersTests
{
    [Fact]
    public void A_data_frame_is_an_html_table_capped_with_a_note()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(1, 150)));

        var html = Formatters.DataFrameHtml(frame, maxRows: 100);

        Assert.Contains("<th>n</th>", html);
        Assert.Contains("<td class=\"num\">100</td>", html);
        Assert.DoesNotContain("<td class=\"num\">101</td>", html);
        Assert.Contains("showing 100 of 150 rows", html);
    }

    [Fact]
    public void Register_is_idempotent_and_makes_data_frames_display_as_tables()
    {
        // Kernels started by earlier tests register Microsoft.Data.Analysis's formatter and then ours again, so the
        // registry may already hold ours several times; what Register promises is that ours is in effect and that a
        // second call in a row adds nothing.
        static bool IsOurs(ITypeFormatter f) => f.Type == typeof(DataFrame) && f.MimeType == "text/html" && f.GetType().DeclaringType == typeof(Formatters);
        Formatters.Register();
        var once = Formatter.RegisteredFormatters(false).Count(IsOurs);
        Formatters.Register();

        var html = new DataFrame(new StringDataFrameColumn("id", ["org/a"])).ToDisplayString("text/html");

        Assert.Contains("<td>org/a</td>", html);
        Assert.Equal(once, Formatter.RegisteredFormatters(false).Count(IsOurs));
        Assert.True(IsOurs(Formatter.RegisteredFormatters(false).First(f => f.Type == typeof(DataFrame) && f.MimeType == "text/html")));
    }

    [Fact]
    public void A_data_frame_as_text_is_an_aligned_table()
    {
        var frame = new DataFrame(new StringDataFrameColumn("id", ["org/a", "org/long-name"]), new Int64DataFrameColumn("n", [5L, 12L]));

        var text = Formatters.DataFrameText(frame);

        Assert.Equal(
            "id            | n \n" +
            "--------------+---\n" +
            "org/a         | 5 \n" +
            "org/long-name | 12\n",
            text);
    }
}
