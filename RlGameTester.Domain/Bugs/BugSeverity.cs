namespace RlGameTester.Domain.Bugs;

public enum BugSeverity
{
    Critical,
    Major,
    Minor,
    Info,
}
