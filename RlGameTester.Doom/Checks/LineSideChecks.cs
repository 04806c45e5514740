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
            if (line.FrontSide < 0 && line.BackSide < 0)
            {
                c.ReportLine(CheckNames.LineWithoutSides, FindingSeverity.Critical, i,
                    $"Line {i} has no sidedefs at all: it bounds no sector and Doom reads invalid memory when drawing it. Give it a front side or delete it.");
            }
            else if (line.FrontSide < 0)
            {
                c.ReportLine(CheckNames.LineMissingFront, FindingSeverity.Critical, i,
                    $"Line {i} has a back side but no front (right) side; Doom crashes or draws garbage when it reaches it. Flip the line.");
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
}
