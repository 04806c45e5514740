namespace RlGameTester.Doom.Metadata;

/// <summary>A way out of the level.</summary>
/// <param name="Kind">Normal or secret exit.</param>
/// <param name="Trigger">What sets it off.</param>
/// <param name="Special">The line or sector special number, or the boss thing type.</param>
/// <param name="TriggerCode">For lines, how: "S1", "W1", "G1", ...</param>
/// <param name="LineIndex">The exit line, for line exits.</param>
/// <param name="SectorIndex">The exit sector, for sector exits.</param>
/// <param name="ThingIndex">One of the bosses, for boss-death exits.</param>
/// <param name="X">Map x: the line's midpoint, a point of the sector's boundary, or the boss.</param>
/// <param name="Y">Map y.</param>
public sealed record ExitInfo(
    ExitKind Kind,
    ExitTrigger Trigger,
    int Special,
    string TriggerCode,
    int? LineIndex,
    int? SectorIndex,
    int? ThingIndex,
    double X,
    double Y);
