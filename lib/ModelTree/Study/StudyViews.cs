using ModelTree.Data;

namespace ModelTree;

/// <summary>
/// Defines the study's helper table <c>model_facts</c> in the workbook database, so SQL cells can use it. The facts are
/// derived once per dataset, not once per query (<see cref="DerivedTables"/>: kept while the source files and the
/// query are unchanged, rebuilt otherwise).
/// </summary>
public static class StudyViews
{
    /// <summary>The name of the per-model facts table (<see cref="StudySql.FactsQuery"/>).</summary>
    public const string Facts = "model_facts";

    /// <summary>
    /// Makes sure <c>model_facts</c> holds the facts of the data <paramref name="hub"/> opened: reused when the database
    /// already has them for the same files, derived in one scan otherwise. Returns the data, for chaining.
    /// </summary>
    public static HubData WithStudyViews(this HubData hub)
    {
        DerivedTables.Ensure(hub, Facts, StudySql.FactsQuery);
        return hub;
    }
}
