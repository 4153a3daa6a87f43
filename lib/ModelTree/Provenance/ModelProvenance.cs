using ModelTree.Provenance;
using ModelTree.Records;

namespace ModelTree;

/// <summary>
/// Provenance over one dataset and its model graph: the report of any model, candidates side by side,
/// and the Hub-scale views (license drift over every link, sibling vs parent-child similarity). The
/// table-wide views build their tables in the data's database once (<c>provenance_models</c>,
/// <c>graph_links</c>, <c>provenance_links</c>; SQL cells can query them) and reuse them.
/// </summary>
public sealed class ModelProvenance(HubData hub, ModelGraph graph)
{
    private readonly Dictionary<string, ArtifactRecord> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _notRows = new(StringComparer.OrdinalIgnoreCase);
    private LicenseDrift? _licenses;
    private TraitSimilarity? _similarity;
    private bool _tablesBuilt;

    public HubData Hub { get; } = hub;

    public ModelGraph Graph { get; } = graph;

    /// <summary>
    /// The report of one model. <paramref name="cardText"/> is the card's markdown when you have it (the data
    /// holds only the front matter); with it, the checklist also looks for a limitations or intended-use section.
    /// </summary>
    /// <exception cref="ModelTreeException">The id is neither a model of the data nor a base one names (the message suggests close ids).</exception>
    public ProvenanceReport Report(string id, string? cardText = null)
    {
        var canonical = Graph.Canonical(id);
        var records = Records(Needed(canonical));
        if (!records.TryGetValue(canonical, out var self))
        {
            var children = Graph.Box(canonical).DirectChildren;
            return new ProvenanceReport
            {
                Id = canonical,
                InTable = false,
                License = ModelLicense.Resolve(null, null, null),
                Flags = [$"not a row of the data: only named as a base by {children:N0} model{(children == 1 ? "" : "s")}, so its files, card and license are unknown"],
            };
        }

        var (paths, cut) = LineageWalker.Walk(Graph, canonical);
        var lineage = new List<LineageHop>();
        for (var p = 0; p < paths.Count; p++)
        {
            var depth = 0;
            foreach (var step in paths[p])
            {
                depth++;
                var parent = step.InTable ? records.GetValueOrDefault(step.Id) : null;
                var child = records.GetValueOrDefault(step.Child);
                var changes = parent is null || child is null
                    ? [$"{step.Relation.Label()} of the base", "the base is not in the data: its files, card and license are unknown"]
                    : HopChanges.Between(child, parent, step.Relation);
                if (step.Cycle)
                {
                    changes = [.. changes, $"cycle: {step.Id} is already below on this path, the path stops"];
                }
                lineage.Add(new LineageHop(p + 1, depth, Graph.Canonical(step.Id), step.Relation, step.Child, parent is not null,
                    parent is null ? null : ModelLicense.Of(parent.Model), changes));
            }
        }

        var facts = ArtifactFacts.Of(self);
        var license = ModelLicense.Of(self.Model);
        return new ProvenanceReport
        {
            Id = canonical,
            InTable = true,
            License = license,
            Facts = facts,
            Checklist = CardChecklist.Of(self.Model, cardText),
            Lineage = lineage,
            Flags = RiskFlags.Of(Graph, canonical, facts, license, lineage, cut),
            Downloads = self.Model.Downloads,
            Author = self.Model.Author ?? (canonical.Contains('/') ? canonical[..canonical.IndexOf('/')] : null),
        };
    }

    /// <summary>The seed's first-model checklist of several candidates, one column per model.</summary>
    public CandidateChecklist Compare(params string[] ids)
    {
        Records(ids.SelectMany(id => Needed(Graph.Canonical(id)))); // one scan for every candidate's records
        return new(ids.Select(id => Report(id)).ToList());
    }

    /// <summary>License drift over every link whose two ends are rows of the data (computed once).</summary>
    public LicenseDrift Licenses()
    {
        EnsureTables();
        return _licenses ??= LicenseDrift.Compute(Hub);
    }

    /// <summary>Sibling vs parent-child agreement on license, languages and task, and the direction of drift on each link (computed once).</summary>
    public TraitSimilarity Similarity()
    {
        EnsureTables();
        return _similarity ??= TraitSimilarity.Compute(Hub);
    }

    /// <summary>
    /// An example to walk: the most downloaded derivative whose base is a row of the data and has other children,
    /// preferring one whose base is itself a derivative (so the lineage has two hops or more); with its base and
    /// the base's most downloaded other child. Null when no model of the data names a base that is a row.
    /// </summary>
    public ProvenanceExample? Example() => ProvenanceExample.Pick(Graph);

    // The model and every ancestor that is a row: the records a report compares.
    private IEnumerable<string> Needed(string canonical) =>
        Graph.Ancestors(canonical).Where(a => a.InTable).Select(a => a.Id).Prepend(canonical);

    // Records read once per instance: a scan of models costs seconds on the full Hub, and reports share ancestors.
    private Dictionary<string, ArtifactRecord> Records(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missing = wanted.Where(i => !_records.ContainsKey(i) && !_notRows.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            var read = ArtifactRecord.Read(Hub, missing);
            foreach (var i in missing)
            {
                if (read.TryGetValue(i, out var r))
                {
                    _records[i] = r;
                }
                else
                {
                    _notRows.Add(i);
                }
            }
        }
        return wanted.Where(_records.ContainsKey).ToDictionary(i => i, i => _records[i], StringComparer.OrdinalIgnoreCase);
    }

    private void EnsureTables()
    {
        if (!_tablesBuilt)
        {
            ProvenanceTables.Build(Hub, Graph);
            _tablesBuilt = true;
        }
    }
}
