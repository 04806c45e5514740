namespace RlGameTester.Doom.Exploration;

/// <summary>
/// What moving sectors did to the step graph since the reachable sets were last brought up to date: steps lost
/// (the sets must be searched again) or only cells whose steps were gained (the sets can grow from them).
/// </summary>
internal sealed class StepChanges
{
    /// <summary>A step was lost, a jump may be gone or the body moved where the sets do not hold: search everything again.</summary>
    public bool Stale { get; set; } = true;

    /// <summary>Cells whose steps grew since the last update.</summary>
    public List<int> Grown { get; } = [];
}
