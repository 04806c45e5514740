using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Reports;

/// <summary>Every level of a WAD, read, described and checked.</summary>
public sealed record WadReport(WadKind Kind, int LumpCount, IReadOnlyList<LevelReport> Levels);
