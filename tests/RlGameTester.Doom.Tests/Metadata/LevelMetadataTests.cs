using System.Text.Json;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Metadata;

public sealed class LevelMetadataTests
{
    private static readonly HashSet<int> MonsterTypes =
        [3004, 9, 65, 3001, 3002, 58, 3006, 3005, 69, 3003, 68, 71, 66, 67, 64, 7, 16, 84, 72, 88];

    [Theory]
    [InlineData("MAP01")]
    [InlineData("MAP11")]
    [InlineData("MAP29")]
    public void MetadataMatchesAnIndependentReadingOfTheLumps(string name)
    {
        var raw = new EditableLevel(Fixtures.Freedoom2Data, name);
        var metadata = LevelMetadata.Create(LevelReader.Read(Fixtures.Freedoom2, name));

        var things = Enumerable.Range(0, raw.ThingCount).Select(raw.Thing).ToList();
        int Monsters(int flag) => things.Count(t => MonsterTypes.Contains(t.Type) && (t.Flags & flag) != 0 && (t.Flags & 16) == 0);
        Assert.Equal(raw.ThingCount, metadata.ThingCount);
        Assert.Equal(raw.LineCount, metadata.LineCount);
        Assert.Equal(raw["SECTORS"].Length / 26, metadata.SectorCount);
        Assert.Equal(Monsters(1), metadata.Easy.Monsters);
        Assert.Equal(Monsters(2), metadata.Medium.Monsters);
        Assert.Equal(Monsters(4), metadata.Hard.Monsters);
        Assert.Equal(things.Count(t => t.Type == 11), metadata.DeathmatchStarts);

        var start = things.Single(t => t.Type == 1);
        var player1 = Assert.Single(metadata.PlayerStarts, p => p.Player == 1);
        Assert.Equal((start.X, start.Y, start.Angle), ((short)player1.X, (short)player1.Y, (short)player1.Angle));

        var sectorSpecials = Enumerable.Range(0, raw["SECTORS"].Length / 26)
            .Select(s => BitConverter.ToUInt16(raw["SECTORS"], (s * 26) + 22)).ToList();
        Assert.Equal(sectorSpecials.Count(s => s == 9 || (s >= 32 && (s & 0x80) != 0)), metadata.SecretSectors);

        var exitLines = Enumerable.Range(0, raw.LineCount).Where(l => raw.LineField(l, 3) is 11 or 51 or 52 or 124 or 197 or 198).ToList();
        Assert.Equal(exitLines, metadata.Exits.Where(e => e.Trigger == ExitTrigger.Line).Select(e => e.LineIndex!.Value).Order());

        var keys = things.Where(t => t.Type is 5 or 6 or 13 or 38 or 39 or 40).ToList();
        Assert.Equal(keys.Count, metadata.Keys.Count);

        var used = Enumerable.Range(0, raw.LineCount).SelectMany(l => new[] { raw.LineField(l, 0), raw.LineField(l, 1) })
            .Select(v => raw.Vertex(v)).ToList();
        Assert.Equal((used.Min(v => v.X), used.Max(v => v.X), used.Min(v => v.Y), used.Max(v => v.Y)),
            ((short)metadata.Bounds.MinX, (short)metadata.Bounds.MaxX, (short)metadata.Bounds.MinY, (short)metadata.Bounds.MaxY));
    }

    [Fact]
    public void EveryShippedLevelHasAnExit()
    {
        foreach (var wad in new[] { Fixtures.Freedoom1, Fixtures.Freedoom2 })
        {
            foreach (var level in LevelReader.ReadAll(wad))
            {
                Assert.True(LevelMetadata.Create(level).Exits.Count > 0, $"{level.Name} has no exit");
            }
        }
    }

    [Theory]
    [InlineData("E2M8", 16)]
    [InlineData("E3M8", 7)]
    public void EpisodeBossLevelsEndWhenTheBossDies(string name, int boss)
    {
        var metadata = LevelMetadata.Create(LevelReader.Read(Fixtures.Freedoom1, name));

        Assert.Contains(metadata.Exits, e => e.Trigger == ExitTrigger.BossDeath && e.Special == boss);
    }

    [Fact]
    public void SecretExitsAreToldApartFromNormalOnes()
    {
        // Doom II's secret levels are reached from MAP15 and MAP31.
        var map15 = LevelMetadata.Create(LevelReader.Read(Fixtures.Freedoom2, "MAP15"));
        var map31 = LevelMetadata.Create(LevelReader.Read(Fixtures.Freedoom2, "MAP31"));

        Assert.Contains(map15.Exits, e => e.Kind == ExitKind.Secret);
        Assert.Contains(map15.Exits, e => e.Kind == ExitKind.Normal);
        Assert.Contains(map31.Exits, e => e.Kind == ExitKind.Secret);
    }

    [Fact]
    public void KeysRecordTheirSkillsAndPosition()
    {
        var level = LevelReader.Read(Fixtures.Freedoom2, "MAP04");
        var metadata = LevelMetadata.Create(level);

        Assert.NotEmpty(metadata.Keys);
        foreach (var key in metadata.Keys)
        {
            var thing = level.Things[key.ThingIndex];
            Assert.Equal(ThingTypes.Find(thing.Type)!.Key, key.Key);
            Assert.Equal((thing.X, thing.Y), (key.X, key.Y));
            Assert.Equal((thing.Flags & 1) != 0, key.OnEasy);
            Assert.Equal((thing.Flags & 4) != 0, key.OnHard);
        }
    }

    [Fact]
    public void MetadataSerialisesToJsonWithReadableEnumsAndRoundTrips()
    {
        var metadata = LevelMetadata.Create(LevelReader.Read(Fixtures.Freedoom2, "MAP01"));

        var json = JsonSerializer.Serialize(metadata);
        var back = JsonSerializer.Deserialize<LevelMetadata>(json)!;

        Assert.Contains("\"Format\":\"doom\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"normal\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Trigger\":\"line\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CenterX", json, StringComparison.Ordinal);
        Assert.Equal(metadata.Name, back.Name);
        Assert.Equal(metadata.Bounds, back.Bounds);
        Assert.Equal(metadata.Easy, back.Easy);
        Assert.Equal(metadata.Exits, back.Exits);
        Assert.Equal(metadata.PlayerStarts, back.PlayerStarts);
    }

    [Fact]
    public void AScenarioWithOnlyDeathmatchStartsHasNoPlayerStartButCountsThem()
    {
        var level = LevelReader.ReadAll(RlGameTester.Doom.Wad.WadFile.Read(Fixtures.ScenarioBytes("deathmatch_rockets")))[0];

        var metadata = LevelMetadata.Create(level);

        Assert.Equal(LevelFormat.Udmf, metadata.Format);
        Assert.Equal(level.Things.Count(t => t.Type == 11), metadata.DeathmatchStarts);
        Assert.True(metadata.DeathmatchStarts > 0);
    }
}
