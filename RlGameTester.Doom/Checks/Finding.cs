namespace RlGameTester.Doom.Checks;

/// <summary>One defect (or observation) found by a static check.</summary>
/// <param name="Check">Stable kebab-case name, e.g. <c>missing-player1-start</c> (see <see cref="CheckNames"/>).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">What is wrong, in a level designer's words.</param>
/// <param name="Element">The kind of element it points at.</param>
/// <param name="Index">The element's index in its list (null for the level as a whole).</param>
/// <param name="X">Map x of the place to look at (for level-wide findings: the map's centre).</param>
/// <param name="Y">Map y of the place to look at.</param>
public sealed record Finding(
    string Check,
    FindingSeverity Severity,
    string Message,
    ElementKind Element,
    int? Index,
    double X,
    double Y);
