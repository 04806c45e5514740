namespace RlGameTester.Analysis.Rendering;

/// <summary>How a sector's floor is tinted. A sector that is several of these shows the last of them.</summary>
internal enum SectorKind
{
    Floor,
    Lift,
    Door,
    Secret,
    Damaging,

    /// <summary>Ends the level (Doom's special 11).</summary>
    Exit,
}
