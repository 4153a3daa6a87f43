namespace ModelTree.Provenance;

/// <summary>
/// Which way a trait moves along links from base to child: the links going one way
/// (<paramref name="Toward"/>, the way the Anatomy paper reports) against those going the other way.
/// </summary>
/// <param name="Trait">license, languages, card length, card fields.</param>
/// <param name="Toward">The direction the paper reports, in words.</param>
/// <param name="TowardLinks">Links going that way.</param>
/// <param name="Away">The opposite direction, in words.</param>
/// <param name="AwayLinks">Links going the other way.</param>
/// <param name="Compared">Links where both ends state the trait.</param>
public sealed record DirectedDrift(string Trait, string Toward, long TowardLinks, string Away, long AwayLinks, long Compared);
