namespace RlGameTester.Domain.Bugs;

/// <summary>What a designer decided about a finding.</summary>
public enum TriageStatus
{
    /// <summary>A real defect, to be fixed.</summary>
    Confirmed,
    /// <summary>Not a defect: the check is wrong here.</summary>
    FalsePositive,
    /// <summary>Fixed in the level (the finding may still show until the level is checked again).</summary>
    Fixed,
    /// <summary>A real defect that is kept on purpose.</summary>
    WontFix,
}
