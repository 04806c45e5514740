using System.Buffers.Binary;
using System.Collections.Immutable;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Real levels to explore, and sector edits (by byte offsets in the SECTORS lump, with no help from the library) for
/// seeding defects into copies of them.
/// </summary>
internal static class ExplorationFixtures
{
    private const int SectorSize = 26;

    public static Level Read(WadFile wad, string name) => LevelReader.Read(wad, name);

    public static Level Read(EditableLevel level) => LevelReader.Read(WadFile.Read(level.ToWad()), level.Name);

    public static ExplorationResult Explore(Level level, int seed = 0, int skill = 3) =>
        Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { Seed = seed, Skill = skill }, TestContext.Current.CancellationToken);

    /// <summary>A run with a position at every tic, as the validator reads it.</summary>
    public static ExplorationResult ExploreEveryTic(Level level) =>
        Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { Skill = 3, PositionInterval = 1 }, TestContext.Current.CancellationToken);

    /// <summary>
    /// The run finished and was upheld on an assumption that both the explorer's finish and the validator's verdict
    /// state (each holding the text given: they word it apart).
    /// </summary>
    public static void AssertFinishedOnAssumption(ExplorationResult result, string explorerSays, string validatorSays)
    {
        AssertFinishedAndUpheld(result);
        Assert.Contains(result.ExitAssumptions, a => a.Contains(explorerSays, StringComparison.Ordinal));
        Assert.Contains(result.Validation!.Assumptions, a => a.Contains(validatorSays, StringComparison.Ordinal));
    }

    /// <summary>The run reached an exit (else the findings say why not) and the validator upheld every step of it.</summary>
    public static void AssertFinishedAndUpheld(ExplorationResult result)
    {
        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.True(result.Validation!.Violations.Count == 0, string.Join("; ", result.Validation.Violations.Select(v => $"{v.Rule} at tic {v.Tick}: {v.Message}")));
    }

    /// <summary>A copy of the level (through its records) with other things, lines or sectors.</summary>
    public static Level With(Level level, ImmutableArray<Thing>? things = null, ImmutableArray<Linedef>? lines = null, ImmutableArray<Sector>? sectors = null) => new(
        level.Name,
        level.Format,
        level.UdmfNamespace,
        things ?? level.Things,
        lines ?? level.Linedefs,
        level.Sidedefs,
        level.Vertices,
        sectors ?? level.Sectors,
        level.HasScripts,
        level.UsesDoomSpecials,
        level.ReadProblems);

    public static short SectorFloor(EditableLevel level, int sector) =>
        BinaryPrimitives.ReadInt16LittleEndian(level["SECTORS"].AsSpan(sector * SectorSize));

    public static void SetSectorFloor(EditableLevel level, int sector, int floor) =>
        BinaryPrimitives.WriteInt16LittleEndian(level["SECTORS"].AsSpan(sector * SectorSize), (short)floor);

    public static void SetSectorCeiling(EditableLevel level, int sector, int ceiling) =>
        BinaryPrimitives.WriteInt16LittleEndian(level["SECTORS"].AsSpan((sector * SectorSize) + 2), (short)ceiling);

    public static short SectorCeiling(EditableLevel level, int sector) =>
        BinaryPrimitives.ReadInt16LittleEndian(level["SECTORS"].AsSpan((sector * SectorSize) + 2));

    public static int SectorCount(EditableLevel level) => level["SECTORS"].Length / SectorSize;

    public static void SetSectorSpecial(EditableLevel level, int sector, int special) =>
        BinaryPrimitives.WriteInt16LittleEndian(level["SECTORS"].AsSpan((sector * SectorSize) + 22), (short)special);

    public static void SetSectorTag(EditableLevel level, int sector, int tag) =>
        BinaryPrimitives.WriteInt16LittleEndian(level["SECTORS"].AsSpan((sector * SectorSize) + 24), (short)tag);

    /// <summary>Adds a thing at the end of the THINGS lump (on every skill) and returns its index.</summary>
    public static int AddThing(EditableLevel level, int x, int y, int type)
    {
        var index = level.ThingCount;
        level["THINGS"] = [.. level["THINGS"], .. new byte[10]];
        level.SetThing(index, (short)x, (short)y, (ushort)type, 7);
        return index;
    }

    public static int StartSector(Level level)
    {
        var start = level.Things.Last(t => t.Type == 1);
        return new LevelGeometry(level).SectorAt(start.X, start.Y);
    }
}
