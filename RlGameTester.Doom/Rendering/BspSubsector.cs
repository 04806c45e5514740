namespace RlGameTester.Doom.Rendering;

/// <summary>A subsector: a convex run of segs, <see cref="SegCount"/> of them from <see cref="FirstSeg"/>.</summary>
internal readonly record struct BspSubsector(int FirstSeg, int SegCount);
