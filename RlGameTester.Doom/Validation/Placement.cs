namespace RlGameTester.Doom.Validation;

/// <summary>What P_CheckPosition finds for the body's box at one spot; filled in place by <see cref="PositionProbe"/>.</summary>
internal sealed class Placement
{
    /// <summary>The sector under the centre, or -1 in the void.</summary>
    public int CentreSector { get; set; } = -1;

    /// <summary>The first one-sided or impassable line crossing the box, or -1.</summary>
    public int BlockingLine { get; set; } = -1;

    /// <summary>The first solid thing overlapping the box, or -1.</summary>
    public int SolidThing { get; set; } = -1;

    /// <summary>The highest floor under the box (tmfloorz).</summary>
    public HeightRange Floor { get; set; }

    /// <summary>The sector whose floor that is.</summary>
    public int FloorSector { get; set; } = -1;

    /// <summary>The lowest ceiling over the box (tmceilingz).</summary>
    public HeightRange Ceiling { get; set; }

    /// <summary>The sector whose ceiling that is.</summary>
    public int CeilingSector { get; set; } = -1;

    /// <summary>Every sector the box touches: the centre's and both sides of each two-sided line crossing it.</summary>
    public List<int> Sectors { get; } = [];
}
