using RlGameTester.Doom.Checks;

namespace RlGameTester.Domain.Bugs;

/// <summary>The one mapping from a finding's severity (static checks and explorer alike) to a bug's.</summary>
public static class BugSeverities
{
    public static BugSeverity From(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => BugSeverity.Critical,
        FindingSeverity.Major => BugSeverity.Major,
        FindingSeverity.Minor => BugSeverity.Minor,
        _ => BugSeverity.Info,
    };
}
