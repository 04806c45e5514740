using System.Buffers.Binary;
using System.Text;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;
using HostileWads = RlGameTester.TestSupport.WadBuilder;

namespace RlGameTester.Doom.Tests.Levels;

/// <summary>
/// The limits refuse hostile files from their directory, before any level is parsed, and let every real level through.
/// </summary>
public sealed class LevelLimitsTests
{
    private static readonly Lazy<byte[]> Map01 = new(() => new EditableLevel(Fixtures.Freedoom2Data, "MAP01").ToWad());

    [Fact]
    public void EightThousandMarkersOverOneLevelsLumpsAreRefusedForTheirNumber()
    {
        var wad = WadFile.Read(HostileWads.RepeatedDirectory(Map01.Value, 8000, i => $"L{i:D5}"));

        var error = Assert.Throws<WadLimitException>(() => LevelReader.ReadAll(wad, LevelLimits.Default, "Maps"));

        Assert.Equal("The WAD holds more than 128 levels, the limit in one file (Maps:MaxLevels).", error.Message);
    }

    [Fact]
    public void LevelsThatShareTheirLumpsAreRefusedUnderTheLevelLimitNamingBothLumps()
    {
        var wad = WadFile.Read(HostileWads.RepeatedDirectory(Map01.Value, 2, i => $"MAP0{i + 1}"));

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(wad));

        Assert.IsNotType<WadLimitException>(error);
        Assert.StartsWith("Lump MAP02 THINGS (directory entry ", error.Message);
        Assert.Contains("shares bytes with lump MAP01 THINGS (directory entry 1)", error.Message);
    }

    [Fact]
    public void ALumpOutsideTheLevelsThatReadsALevelLumpsBytesIsRefused()
    {
        var wad = WadFile.Read(HostileWads.WithAlias(Map01.Value, "DEMO1", "SECTORS"));

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(wad));

        Assert.Matches(@"^Lump ""DEMO1"" \(directory entry \d+\) shares bytes with lump MAP01 SECTORS \(directory entry \d+\)", error.Message);
    }

    [Fact]
    public void LumpsOutsideTheLevelsMayShareBytesAsLumpMergingToolsWriteThem()
    {
        var withGraphic = HostileWads.WithExtraLump(Map01.Value, "PATCH1", new byte[64]);
        var wad = WadFile.Read(HostileWads.WithAlias(withGraphic, "PATCH2", "PATCH1"));

        Assert.Equal("MAP01", Assert.Single(LevelReader.ReadAll(wad)).Name);
    }

    [Fact]
    public void ALevelWithMoreElementsOfAKindThanTheLimitIsRefusedNamingTheKindAndTheSetting()
    {
        // MAP01 has more sidedefs than things, linedefs, vertices or sectors.
        var wad = WadFile.Read(Map01.Value);
        var sides = LevelReader.ReadAll(wad).Single().Sidedefs.Length;
        var limits = new LevelLimits { MaxElements = sides - 1 };

        var error = Assert.Throws<WadLimitException>(() => LevelReader.ReadAll(wad, limits, "Maps"));

        Assert.Equal($"Level MAP01 has {sides} sidedefs; the limit is {sides - 1} of each kind in one level (Maps:MaxElements).", error.Message);
        Assert.Single(LevelReader.ReadAll(wad, limits with { MaxElements = sides }));
    }

    [Fact]
    public void AUdmfLevelIsHeldToTheTextmapLimitBeforeParsingAndToTheElementLimitAfter()
    {
        var bytes = LevelFormatTests.UdmfWad(LevelFormatTests.SquareRoomTextmap);
        var wad = WadFile.Read(bytes);
        var textmap = wad.Find("TEXTMAP")!.Size;

        var tooBig = Assert.Throws<WadLimitException>(() => LevelReader.ReadAll(wad, new LevelLimits { MaxTextmapBytes = textmap - 1 }));
        var tooMany = Assert.Throws<WadLimitException>(() => LevelReader.ReadAll(wad, new LevelLimits { MaxElements = 3 }));

        Assert.Equal($"Level MAP01's TEXTMAP is {textmap} bytes; the limit is {textmap - 1} (LevelLimits:MaxTextmapBytes).", tooBig.Message);
        Assert.Equal("Level MAP01 has 4 linedefs; the limit is 3 of each kind in one level (LevelLimits:MaxElements).", tooMany.Message);
    }

    [Fact]
    public void EveryFreedoomLevelIsReadUnderTheDefaultLimits()
    {
        Assert.Equal(32, LevelReader.ReadAll(WadFile.Read(Fixtures.Freedoom2Data), LevelLimits.Default).Count);
        Assert.Equal(36, LevelReader.ReadAll(WadFile.Read(Fixtures.Freedoom1Data), LevelLimits.Default).Count);
    }

    [Fact]
    public void LongLinesCrossingTheWholeLevelKeepTheLineGridWithinItsBudget()
    {
        // 20,000 lines across a 60,000-unit level: at 128-unit cells each would be listed in 500 to 900 cells (over 10
        // million entries); the grid coarsens its cells to keep its budget, 16 entries a line or 2^20 in all, whichever
        // is more (the budget is an estimate made before the grid is built: within a few percent).
        var level = LevelReader.ReadAll(WadFile.Read(LongLines(20_000, 30_000))).Single();

        var grid = new LevelGeometry(level).Grid;

        Assert.InRange(grid.Entries, 20_000, (1 << 20) * 1.05);
        Assert.True(grid.CellSize > 128 * 8, $"cell size {grid.CellSize}");
    }

    [Fact]
    public void RealLevelsKeepTheLineGridsPreferredCells()
    {
        foreach (var level in LevelReader.ReadAll(WadFile.Read(Fixtures.Freedoom2Data)))
        {
            var grid = new LevelGeometry(level).Grid;
            var extent = Math.Max(level.Vertices.Max(v => v.X) - level.Vertices.Min(v => v.X), level.Vertices.Max(v => v.Y) - level.Vertices.Min(v => v.Y));
            Assert.True(grid.CellSize == Math.Max(128, extent / 1024.0), $"{level.Name}: cell size {grid.CellSize}");
        }
    }

    // A binary level of one sector whose lines each run from the bottom edge of a square to the top edge, at spread-out x.
    private static byte[] LongLines(int count, short half)
    {
        var vertices = new byte[count * 2 * 4];
        var lines = new byte[count * 14];
        for (var i = 0; i < count; i++)
        {
            var span = 2 * half;
            BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan(i * 8), (short)(-half + (i * 7 % span)));
            BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan((i * 8) + 2), (short)-half);
            BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan((i * 8) + 4), (short)(half - (i * 13 % span)));
            BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan((i * 8) + 6), half);
            var line = lines.AsSpan(i * 14, 14);
            BinaryPrimitives.WriteUInt16LittleEndian(line, (ushort)(2 * i));
            BinaryPrimitives.WriteUInt16LittleEndian(line[2..], (ushort)((2 * i) + 1));
            BinaryPrimitives.WriteUInt16LittleEndian(line[12..], 0xFFFF);
        }

        var side = new byte[30];
        Encoding.ASCII.GetBytes("STARTAN3", side.AsSpan(20));
        var sector = new byte[26];
        BinaryPrimitives.WriteInt16LittleEndian(sector.AsSpan(2), 128);
        var thing = new byte[10];
        BinaryPrimitives.WriteInt16LittleEndian(thing.AsSpan(6), 1);
        return WadWriter.Write([("MAP01", []), ("THINGS", thing), ("LINEDEFS", lines), ("SIDEDEFS", side), ("VERTEXES", vertices), ("SECTORS", sector)]);
    }
}
