using System.Buffers.Binary;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Levels;

/// <summary>
/// freedoom2's MAP01 changed byte by byte to hold a defect GZDoom, PrBoom+/dsda-doom and chocolate-doom load past:
/// it loads as they load it, a finding names the element, and the rest of the level is unchanged.
/// </summary>
public sealed class TolerantBinaryReadingTests
{
    private static readonly Lazy<Level> Original = new(() => LevelReader.Read(Fixtures.Freedoom2, "MAP01"));

    [Fact]
    public void BytesAfterTheLastWholeRecordAreIgnoredAsEveryPortIgnoresThem()
    {
        var edit = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        edit["LINEDEFS"] = [.. edit["LINEDEFS"], 0, 0, 0];

        var (level, _, findings) = Pipeline.Run(edit.ToWad()).Single();

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.PartialLumpRecord);
        Assert.Equal((FindingSeverity.Minor, ElementKind.Level, (int?)null), (finding.Severity, finding.Element, finding.Index));
        Assert.StartsWith("LINEDEFS is ", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"the 3 bytes after its {level.Linedefs.Length} records are ignored", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinedefUsingAMissingSidedefLosesThatSideWithAFinding()
    {
        var edit = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        edit.SetLineField(7, 5, 65000);

        var (level, _, findings) = Pipeline.Run(edit.ToWad()).Single();

        Assert.Equal(-1, level.Linedefs[7].FrontSide);
        AssertIntact(level, line: 7);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.BadLinedefSidedef);
        Assert.Equal((ElementKind.Line, 7), (finding.Element, finding.Index));
        Assert.StartsWith($"Linedef 7 uses sidedef 65000 as its front side, but the level has only {level.Sidedefs.Length} sidedefs", finding.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f is { Check: CheckNames.LineMissingFront or CheckNames.LineWithoutSides, Index: 7 });
    }

    [Fact]
    public void ASidedefInAMissingSectorJoinsSectorZeroAsInGZDoomAndDsdaDoom()
    {
        var edit = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        edit.SetSideSector(3, 65535);

        var (level, _, findings) = Pipeline.Run(edit.ToWad()).Single();

        Assert.Equal(0, level.Sidedefs[3].Sector);
        AssertIntact(level, side: 3);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.BadSidedefSector);
        Assert.Equal((ElementKind.Side, 3), (finding.Element, finding.Index));
        Assert.StartsWith("Sidedef 3 belongs to sector 65535, but the level has only", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelLumpOverlappingTheDirectoryIsReadWithAFindingOnItsLevel()
    {
        var bytes = new EditableLevel(Fixtures.Freedoom2Data, "MAP01").ToWad();
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var reject = RawLumps.Directory(bytes).FindIndex(e => e.Name == "REJECT");
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + (16 * reject)), directory - 4);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + (16 * reject) + 4), 16);

        var (level, _, findings) = Pipeline.Run(bytes).Single();

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.WadOverlap);
        Assert.Equal(ElementKind.Level, finding.Element);
        Assert.StartsWith("Lump \"REJECT\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABinaryLevelWhoseMarkerIsNamedEndmapIsFound()
    {
        var edit = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");

        var level = LevelReader.ReadAll(WadFile.Read(edit.ToWad("ENDMAP"))).Single();

        Assert.Equal("ENDMAP", level.Name);
        Assert.Equal(Original.Value.Linedefs, level.Linedefs);
    }

    [Fact]
    public void FreedoomAndTheScenarioLevelsHaveNoReadProblems()
    {
        var wads = new[] { Fixtures.Freedoom1, Fixtures.Freedoom2 }
            .Concat(Fixtures.ScenarioWadNames.Select(n => WadFile.Read(Fixtures.ScenarioBytes(n))));

        foreach (var wad in wads)
        {
            Assert.Empty(wad.Problems);
            Assert.All(LevelReader.ReadAll(wad), level => Assert.Empty(level.ReadProblems));
        }
    }

    private static void AssertIntact(Level level, int line = -1, int side = -1)
    {
        var original = Original.Value;
        Assert.Equal(original.Things, level.Things);
        Assert.Equal(line < 0 ? original.Linedefs : original.Linedefs.RemoveAt(line), line < 0 ? level.Linedefs : level.Linedefs.RemoveAt(line));
        Assert.Equal(side < 0 ? original.Sidedefs : original.Sidedefs.RemoveAt(side), side < 0 ? level.Sidedefs : level.Sidedefs.RemoveAt(side));
        Assert.Equal(original.Vertices, level.Vertices);
        Assert.Equal(original.Sectors, level.Sectors);
    }
}
