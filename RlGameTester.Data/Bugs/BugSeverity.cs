namespace RlGameTester.Data.Bugs;

public enum BugSeverity
{
    Critical,
    Major,
    Minor,
    Info,
}
