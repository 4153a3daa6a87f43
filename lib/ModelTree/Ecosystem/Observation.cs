namespace ModelTree.Ecosystem;

/// <summary>One of the seed's observations re-checked on this data: what it claims, what this data shows, whether it holds.</summary>
/// <param name="Claim">The seed's claim, in short.</param>
/// <param name="ThisData">The figures of this data that decide it.</param>
/// <param name="Holds">yes, no, or "cannot tell" (the data lacks what the claim is about).</param>
public sealed record Observation(string Claim, string ThisData, string Holds);
