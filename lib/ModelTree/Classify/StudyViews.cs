using ModelTree.Data;

namespace ModelTree.Classify;

/// <summary>Defines the study's helper views in the workbook database, so SQL cells can use them.</summary>
public static class StudyViews
{
    /// <summary>The name of the per-model facts view (<see cref="StudySql.CreateFactsView"/>).</summary>
    public const string Facts = "model_facts";

    /// <summary>
    /// Creates (or replaces) <c>model_facts</c> on top of <c>models</c>. It lives in the same database
    /// file as <c>models</c>, so a SQL cell connected to that file sees it. Returns the data, for chaining.
    /// </summary>
    public static HubData WithStudyViews(this HubData hub)
    {
        hub.Execute(StudySql.CreateFactsView);
        return hub;
    }
}
