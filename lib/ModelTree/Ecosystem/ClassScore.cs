namespace ModelTree.Ecosystem;

/// <summary>One task's scores: held-out models of it (support), models predicted as it, precision, recall, F1.</summary>
public sealed record ClassScore(string Task, long Support, long Predicted, double Precision, double Recall, double F1);
