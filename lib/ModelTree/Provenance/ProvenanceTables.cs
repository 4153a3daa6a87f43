using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>
/// The tables the Hub-scale views read, built in the data's database in three steps: the model graph's
/// links appended as rows (<c>graph_links</c>); one scan of <c>models</c> for the license sources, task,
/// languages and card size of each model that takes part in a link (<c>provenance_models</c>; the others,
/// most of the Hub, are never parsed); and the links whose two ends are rows, with both ends' traits side
/// by side (<c>provenance_links</c>). Licenses are resolved in C#
/// (<see cref="ModelLicense.Resolve"/>) once per distinct (card license, tag, license name), so the SQL and
/// the single-model report cannot disagree on a license.
/// </summary>
internal static class ProvenanceTables
{
    // Card fields counted for completeness, in CardChecklist.Fields order; a null, "" or empty list counts as absent.
    private static string Present(int i) =>
        $"(f[{i}] IS NOT NULL AND json_type(f[{i}]) <> 'NULL' AND f[{i}]::VARCHAR NOT IN ('\"\"', '[]', '{{}}'))::INT";

    private static readonly string RawSql = $"""
        CREATE OR REPLACE TABLE provenance_raw AS
        WITH v AS (
          SELECT id, pipeline_tag, tags, length(cardData) AS card_chars,
                 CASE WHEN json_valid(cardData) THEN
                   json_extract(cardData, ['$.license', '$.base_model', '$.pipeline_tag', '$.library_name', '$.language', '$.datasets',
                                           '$."model-index"', '$.license_name']) END AS f
          FROM models
          WHERE lower(id) IN (SELECT lower(child) FROM graph_links UNION SELECT lower(base) FROM graph_links)
        ), l AS (
          SELECT *, list_sort(list_distinct(list_filter(list_transform(
                      CASE json_type(f[5]) WHEN 'VARCHAR' THEN [f[5] ->> '$'] WHEN 'ARRAY' THEN json_extract_string(f[5], '$[*]') END,
                      lambda x: lower(trim(x))), lambda x: x IS NOT NULL AND x <> ''))) AS langs
          FROM v
        )
        SELECT lower(id) AS key, id,
               CASE json_type(f[1]) WHEN 'VARCHAR' THEN f[1] ->> '$' WHEN 'ARRAY' THEN f[1] ->> '$[0]' END AS card_license,
               substr(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], 9) AS tag_license,
               CASE json_type(f[8]) WHEN 'VARCHAR' THEN f[8] ->> '$' END AS license_name,
               coalesce(pipeline_tag, CASE json_type(f[3]) WHEN 'VARCHAR' THEN f[3] ->> '$' END) AS task,
               nullif(array_to_string(langs, ','), '') AS languages,
               coalesce(len(langs), 0) AS n_languages,
               {string.Join(" + ", Enumerable.Range(1, 7).Select(Present))} AS card_fields,
               card_chars
        FROM l
        """;

    private const string ModelsSql = """
        CREATE OR REPLACE TABLE provenance_models AS
        SELECT r.key, r.id, m.license, m.family, m.family_rank, m.source AS license_source, m.disagree,
               r.card_license, r.tag_license, r.task, r.languages, r.n_languages, r.card_fields, r.card_chars
        FROM provenance_raw r
        JOIN provenance_license_map m
          ON r.card_license IS NOT DISTINCT FROM m.card_license AND r.tag_license IS NOT DISTINCT FROM m.tag_license
         AND r.license_name IS NOT DISTINCT FROM m.license_name
        """;

    // Ids that differ only in case are one model to the graph (its first row); keep one row per key here too.
    private const string DeduplicateSql = """
        CREATE OR REPLACE TABLE provenance_models AS
        SELECT * FROM provenance_models QUALIFY row_number() OVER (PARTITION BY key ORDER BY id) = 1
        """;

    private const string LinksSql = """
        CREATE OR REPLACE TABLE provenance_links AS
        SELECT l.child, l.base, l.relation,
               c.license AS child_license, p.license AS base_license, c.family AS child_family, p.family AS base_family,
               c.family_rank AS child_rank, p.family_rank AS base_rank,
               c.task AS child_task, p.task AS base_task, c.languages AS child_languages, p.languages AS base_languages,
               c.n_languages AS child_n_languages, p.n_languages AS base_n_languages,
               c.card_fields AS child_card_fields, p.card_fields AS base_card_fields,
               c.card_chars AS child_card_chars, p.card_chars AS base_card_chars
        FROM graph_links l
        JOIN provenance_models c ON c.key = lower(l.child)
        JOIN provenance_models p ON p.key = lower(l.base)
        """;

    public static void Build(HubData hub, ModelGraph graph)
    {
        AppendLinks(hub, graph);
        hub.Execute(RawSql);
        BuildLicenseMap(hub);
        hub.Execute(ModelsSql);
        if (hub.Scalar<long>("SELECT count(*) - count(DISTINCT key) FROM provenance_models") > 0)
        {
            hub.Execute(DeduplicateSql);
        }
        hub.Execute("DROP TABLE provenance_raw");
        hub.Execute(LinksSql);
    }

    private static void BuildLicenseMap(HubData hub)
    {
        var triples = new List<(string? Card, string? Tag, string? Name)>();
        using (var reader = hub.Reader("SELECT DISTINCT card_license, tag_license, license_name FROM provenance_raw"))
        {
            while (reader.Read())
            {
                triples.Add((Text(reader, 0), Text(reader, 1), Text(reader, 2)));
            }
        }
        hub.Execute("""
            CREATE OR REPLACE TABLE provenance_license_map (card_license VARCHAR, tag_license VARCHAR, license_name VARCHAR,
              license VARCHAR, family VARCHAR, family_rank INTEGER, source VARCHAR, disagree BOOLEAN)
            """);
        using var appender = hub.Connection.CreateAppender("provenance_license_map");
        foreach (var (card, tag, name) in triples)
        {
            var license = ModelLicense.Resolve(card, tag, name);
            var row = appender.CreateRow();
            foreach (var text in new[] { card, tag, name, license.Label, license.Family.Label() })
            {
                row = text is null ? row.AppendNullValue() : row.AppendValue(text);
            }
            row = license.Family == LicenseFamily.None ? row.AppendNullValue() : row.AppendValue((int)license.Family);
            row.AppendValue(license.Source.ToString().ToLowerInvariant()).AppendValue(license.Disagree).EndRow();
        }
    }

    private static void AppendLinks(HubData hub, ModelGraph graph)
    {
        hub.Execute("CREATE OR REPLACE TABLE graph_links (child VARCHAR, base VARCHAR, relation VARCHAR, source VARCHAR)");
        using var appender = hub.Connection.CreateAppender("graph_links");
        foreach (var e in graph.Edges())
        {
            appender.CreateRow().AppendValue(e.Child).AppendValue(e.Base).AppendValue(RelationLabel(e.Relation))
                .AppendValue(GraphExport.SourceLabel(e.Source)).EndRow();
        }
    }

    /// <summary>A link's relation as the drift tables print it: the Hub's label, or "unlabelled".</summary>
    internal static string RelationLabel(Relation relation) => relation == Relation.Unknown ? "unlabelled" : relation.Label();

    private static string? Text(System.Data.IDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
