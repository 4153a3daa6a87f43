using ModelTree.Charts;
using Newtonsoft.Json;
using Plotly.NET;

namespace ModelTree.Tests.Charts;

public class ChartEngineTests
{
    private static GenericChart Sample(string title)
    {
        var marker = new DynamicObj.DynamicObj();
        marker.SetProperty("color", "#1f77b4");
        var traces = Enumerable.Range(0, 3).Select(k =>
        {
            var trace = new Trace("bar");
            trace.SetProperty("x", new[] { "finetune", "adapter", "quantized" });
            trace.SetProperty("y", new[] { 1.0 * k, 2.0, 3.0 });
            trace.SetProperty("marker", marker); // one object in three places: shared, not a loop
            return trace;
        }).ToList();
        var layout = new Layout();
        var text = new DynamicObj.DynamicObj();
        text.SetProperty("text", title);
        layout.SetProperty("title", text);
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces));
    }

    private static string Json(GenericChart chart, JsonSerializerSettings settings) =>
        JsonConvert.SerializeObject(GenericChart.getTraces(chart), settings) + JsonConvert.SerializeObject(GenericChart.getLayout(chart), settings);

    [Fact]
    public void The_engine_writes_the_same_chart_json_as_newtonsofts_own_loop_check_and_escapes_markup()
    {
        ChartEngine.EnsureSupported();
        var chart = Sample("models </script><b>");
        var byValue = new JsonSerializerSettings
        {
            ReferenceLoopHandling = Globals.JSON_CONFIG.ReferenceLoopHandling,
            StringEscapeHandling = StringEscapeHandling.EscapeHtml,
        };

        var written = Json(chart, Globals.JSON_CONFIG);

        Assert.Same(ReferenceEqualityComparer.Instance, Globals.JSON_CONFIG.EqualityComparer);
        Assert.Equal(Json(chart, byValue), written);
        Assert.Equal(3, written.Split("#1f77b4").Length - 1);
        Assert.Contains(@"models \u003c/script\u003e\u003cb\u003e", written, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", written, StringComparison.Ordinal);
    }
}
