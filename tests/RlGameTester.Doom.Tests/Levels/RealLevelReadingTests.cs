using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Levels;

public sealed class RealLevelReadingTests
{
    [Fact]
    public void Freedoom1HoldsTheFourEpisodesInOrder()
    {
        var names = LevelDirectory.Find(Fixtures.Freedoom1).Select(e => e.Name).ToList();

        var expected = from episode in Enumerable.Range(1, 4) from map in Enumerable.Range(1, 9) select $"E{episode}M{map}";
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Freedoom2HoldsMap01ToMap32InOrder()
    {
        var names = LevelDirectory.Find(Fixtures.Freedoom2).Select(e => e.Name).ToList();

        Assert.Equal(Enumerable.Range(1, 32).Select(n => $"MAP{n:00}"), names);
    }

    [Fact]
    public void EveryFreedoomLevelReadsInDoomFormatWithItsRecordCounts()
    {
        foreach (var (wad, bytes) in new[] { (Fixtures.Freedoom1, Fixtures.Freedoom1Data), (Fixtures.Freedoom2, Fixtures.Freedoom2Data) })
        {
            foreach (var level in LevelReader.ReadAll(wad))
            {
                Assert.Equal(LevelFormat.Doom, level.Format);
                Assert.Equal(RawLumps.LevelLumpSize(bytes, level.Name, "THINGS") / 10, level.Things.Length);
                Assert.Equal(RawLumps.LevelLumpSize(bytes, level.Name, "LINEDEFS") / 14, level.Linedefs.Length);
                Assert.Equal(RawLumps.LevelLumpSize(bytes, level.Name, "SIDEDEFS") / 30, level.Sidedefs.Length);
                Assert.Equal(RawLumps.LevelLumpSize(bytes, level.Name, "VERTEXES") / 4, level.Vertices.Length);
                Assert.Equal(RawLumps.LevelLumpSize(bytes, level.Name, "SECTORS") / 26, level.Sectors.Length);
                Assert.True(level.Linedefs.Length > 100, $"{level.Name} has only {level.Linedefs.Length} lines");
            }
        }
    }

    [Fact]
    public void Map01FirstRecordsMatchTheirBytes()
    {
        var bytes = Fixtures.Freedoom2Data;
        var directory = RawLumps.Directory(bytes);
        var marker = directory.FindIndex(e => e.Name == "MAP01");
        var things = directory[marker + 1];
        var lines = directory[marker + 2];
        var level = LevelReader.Read(Fixtures.Freedoom2, "MAP01");

        var thing = level.Things[0];
        Assert.Equal(BitConverter.ToInt16(bytes, things.Offset), (short)thing.X);
        Assert.Equal(BitConverter.ToInt16(bytes, things.Offset + 2), (short)thing.Y);
        Assert.Equal(BitConverter.ToUInt16(bytes, things.Offset + 6), thing.Type);
        var last = level.Linedefs[^1];
        var lastOffset = lines.Offset + lines.Size - 14;
        Assert.Equal(BitConverter.ToUInt16(bytes, lastOffset), last.Start);
        Assert.Equal(BitConverter.ToUInt16(bytes, lastOffset + 2), last.End);
        Assert.Equal(BitConverter.ToUInt16(bytes, lastOffset + 6), last.Special);
    }

    [Theory]
    [MemberData(nameof(ScenarioWads))]
    public void ScenarioWadLevelsReadAsUdmfInTheZDoomNamespace(string name)
    {
        var wad = WadFile.Read(Fixtures.ScenarioBytes(name));

        var levels = LevelReader.ReadAll(wad);

        Assert.NotEmpty(levels);
        foreach (var level in levels)
        {
            Assert.Equal(LevelFormat.Udmf, level.Format);
            Assert.Equal("zdoom", level.UdmfNamespace);
            Assert.True(level.HasScripts);
            Assert.NotEmpty(level.Linedefs);
            Assert.NotEmpty(level.Sectors);
        }
    }

    [Fact]
    public void DefendTheCenterMatchesItsTextmapBlockCounts()
    {
        var bytes = Fixtures.ScenarioBytes("defend_the_center");
        var text = System.Text.Encoding.UTF8.GetString(bytes, 12, RawLumps.LevelLumpSize(bytes, "MAP01", "TEXTMAP"));
        int Count(string block) => System.Text.RegularExpressions.Regex.Count(text, $@"(?m)^{block}(//#\d+)?\s*\{{");

        var level = LevelReader.Read(WadFile.Read(bytes), "MAP01");

        Assert.Equal(Count("thing"), level.Things.Length);
        Assert.Equal(Count("linedef"), level.Linedefs.Length);
        Assert.Equal(Count("sidedef"), level.Sidedefs.Length);
        Assert.Equal(Count("vertex"), level.Vertices.Length);
        Assert.Equal(Count("sector"), level.Sectors.Length);
        Assert.Equal(18, level.Linedefs.Length);
        Assert.Equal("TANROCK2", level.Sidedefs[0].MiddleTexture);
    }

    public static TheoryData<string> ScenarioWads() => [.. Fixtures.ScenarioWadNames];
}
