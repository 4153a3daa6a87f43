using System.Diagnostics;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// Times the compiled study rule set (<c>study-2026</c>) against a single hand-written <c>CASE WHEN</c> query with the
/// same meaning, over the same <c>models</c> view; both return the number of models per predicted label.
/// </summary>
internal static class RuleBenchmark
{
    /// <summary>
    /// The study's rule set (<c>study-2026</c>) written by hand as one CASE WHEN, in the study's own style (list_contains
    /// per tag, a LIKE per file name, the card read as JSON under a json_valid guard).
    /// </summary>
    public const string HandWrittenDefault = """
        SELECT CASE
          WHEN coalesce(len(baseModels.models), 0) = 0
               AND NOT coalesce(CASE WHEN json_valid(cardData)
                                     THEN json_extract_string(cardData, '$.base_model') NOT IN ('', '[]') END, false)
            THEN 'none'
          WHEN CASE WHEN json_valid(cardData)
                    THEN lower(trim(json_extract_string(cardData, '$.base_model_relation'))) END
               IN ('finetune', 'adapter', 'quantized', 'merge')
            THEN lower(trim(json_extract_string(cardData, '$.base_model_relation')))
          WHEN len(baseModels.models) >= 2 THEN 'merge'
          WHEN lower(library_name) = 'peft'
               OR list_contains(tags, 'lora') OR list_contains(tags, 'adapter') OR list_contains(tags, 'peft')
               OR (len(list_filter(siblings, lambda s: lower(s.rfilename) LIKE '%adapter_model%'
                                               OR lower(s.rfilename) LIKE '%adapter_config%')) > 0
                   AND NOT coalesce(len(list_filter(siblings, lambda s: lower(s.rfilename) LIKE 'model.safetensors'
                         OR lower(s.rfilename) LIKE 'model-%.safetensors' OR lower(s.rfilename) LIKE '%/model.safetensors'
                         OR lower(s.rfilename) LIKE '%/model-%.safetensors' OR lower(s.rfilename) LIKE 'pytorch_model%.bin'
                         OR lower(s.rfilename) LIKE '%/pytorch_model%.bin')) > 0, false))
            THEN 'adapter'
          WHEN list_contains(tags, 'quantized') OR list_contains(tags, 'gguf') OR list_contains(tags, 'int8')
               OR list_contains(tags, 'int4') OR list_contains(tags, '4bit') OR list_contains(tags, '8bit')
               OR len(list_filter(siblings, lambda s: lower(s.rfilename) LIKE '%.gguf')) > 0
            THEN 'quantized'
          ELSE 'finetune' END AS predicted, count(*) AS models
        FROM models GROUP BY ALL ORDER BY predicted
        """;

    /// <summary>The compiled rule set's query: models per predicted label.</summary>
    public static string CompiledQuery(RuleSet rules)
    {
        var compiled = rules.Compile();
        return $"SELECT {compiled.Label} AS predicted, count(*) AS models FROM {compiled.From} GROUP BY ALL ORDER BY predicted";
    }

    /// <summary>
    /// Runs each query once to warm up, then <paramref name="runs"/> times alternating, and reports
    /// wall-clock and CPU seconds of each run and whether both gave the same counts.
    /// </summary>
    public static RuleBenchResult Run(HubData hub, RuleSet? rules = null, string handWritten = HandWrittenDefault, int runs = 5)
    {
        var compiled = CompiledQuery(rules ?? RuleSet.Study);
        var compiledCounts = Counts(hub, compiled);
        var handCounts = Counts(hub, handWritten);
        var compiledRuns = new List<RuleBenchRun>();
        var handRuns = new List<RuleBenchRun>();
        for (var i = 0; i < runs; i++)
        {
            compiledRuns.Add(Time(hub, compiled));
            handRuns.Add(Time(hub, handWritten));
        }
        return new RuleBenchResult(hub.Count(), compiledCounts, handCounts, compiledRuns, handRuns);
    }

    private static RuleBenchRun Time(HubData hub, string sql)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Counts(hub, sql);
        var wall = clock.Elapsed;
        process.Refresh();
        return new RuleBenchRun(wall.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static IReadOnlyDictionary<string, long> Counts(HubData hub, string sql)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var reader = hub.Reader(sql);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }
}
