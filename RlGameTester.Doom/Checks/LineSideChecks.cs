using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Checks;

/// <summary>Lines whose sidedefs do not match what they must be: a front side, and a back side exactly when two-sided.</summary>
internal static class LineSideChecks
{
    public static void Run(CheckContext c)
    {
        var lines = c.Level.Linedefs;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var twoSided = line.HasFlag(LinedefFlags.TwoSided);
            if (line.FrontSide < 0)
            {
                MissingFront(c, i, line.BackSide < 0);
            }
            else if (twoSided && line.BackSide < 0)
            {
                // ZDoom-family ports clear the flag on such lines while loading; vanilla follows it into garbage.
                c.ReportLine(CheckNames.TwoSidedFlagWithoutBack, c.IsVanillaFormat ? FindingSeverity.Major : FindingSeverity.Minor, i,
                    c.IsVanillaFormat
                        ? $"Line {i} is flagged two-sided but has no back side; vanilla Doom then reads a sector that does not exist (rendering glitches, crashes). Clear the flag or add the back side."
                        : $"Line {i} is flagged two-sided but has no back side; ZDoom-family ports ignore the flag, but editors and other ports may not. Clear the flag or add the back side.");
            }
            else if (!twoSided && line.BackSide >= 0)
            {
                c.ReportLine(CheckNames.BackSideWithoutTwoSidedFlag, FindingSeverity.Minor, i,
                    $"Line {i} has a back side but is not flagged two-sided: Doom draws it as a solid wall that can be walked through. Set the flag unless this fake wall is intended.");
            }
        }
    }

    // Vanilla follows the missing side into a sector that does not exist while grouping lines and crashes loading the
    // level; Boom-compatible and ZDoom-family ports substitute sidedef 0, a guess (an invisible wall, wrong heights).
    private static void MissingFront(CheckContext c, int line, bool noSides)
    {
        var consequence = c.TargetsVanilla
            ? "vanilla Doom crashes loading the level"
            : $"vanilla Doom crashes on it; the {(c.IsVanillaFormat ? c.PortFeatures.Port : "ZDoom-family")} port this level needs substitutes sidedef 0, so the line turns into whatever that side makes of it (often an invisible wall)";
        if (noSides)
        {
            c.ReportLine(CheckNames.LineWithoutSides, c.TargetsVanilla ? FindingSeverity.Critical : FindingSeverity.Major, line,
                $"Line {line} has no sidedefs at all: it bounds no sector and {consequence}. Give it a front side or delete it.");
        }
        else
        {
            c.ReportLine(CheckNames.LineMissingFront, c.TargetsVanilla ? FindingSeverity.Critical : FindingSeverity.Major, line,
                $"Line {line} has a back side but no front (right) side: {consequence}. Flip the line.");
        }
    }
}
