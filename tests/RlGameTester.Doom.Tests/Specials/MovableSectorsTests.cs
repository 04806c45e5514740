using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Specials;

/// <summary>
/// Which sectors a picture of the level as it starts may show otherwise than a player later sees them: on every
/// freedoom level, read from the level's own lines, never a sector only a teleport or an exit names.
/// </summary>
public sealed class MovableSectorsTests
{
    public static TheoryData<string, string> Levels => new()
    {
        { "freedoom1", "E1M1" }, { "freedoom1", "E3M8" }, { "freedoom2", "MAP01" }, { "freedoom2", "MAP12" }, { "freedoom2", "MAP30" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void DoorsLiftsAndTheSectorsTheirTagsNameMayMoveATeleportsDestinationDoesNot(string iwad, string name)
    {
        var level = Read(iwad, name);

        var movable = MovableSectors.Of(level);

        foreach (var line in level.Linedefs.Where(l => LinedefSpecials.FindDoom(l.Special) is { MovesSectors: true }))
        {
            if (line.BackSide >= 0)
            {
                Assert.True(movable[level.Sidedefs[line.BackSide].Sector], $"the sector behind line special {line.Special}");
            }

            Assert.All(Enumerable.Range(0, level.Sectors.Length).Where(s => line.Tag != 0 && level.Sectors[s].Tag == line.Tag),
                s => Assert.True(movable[s], $"sector {s}, tagged {line.Tag} by special {line.Special}"));
        }

        // A sector no such special names (by tag or from its side), and no boss's death, stays as it is drawn; where
        // stairs or a donut may grow beyond their tagged sector, only those count.
        var movingTags = level.Linedefs.Where(l => l.Tag != 0 && l.Special != 0
                && LinedefSpecials.FindDoom(l.Special)?.Effect is not (LineEffect.Teleport or LineEffect.Exit or LineEffect.SecretExit or LineEffect.Light or LineEffect.Scroll))
            .Select(l => l.Tag).ToHashSet();
        var behindSpecials = level.Linedefs.Where(l => l.Special != 0 && l.BackSide >= 0).Select(l => level.Sidedefs[l.BackSide].Sector).ToHashSet();
        var spreads = level.Linedefs.Any(l => LinedefSpecials.FindDoom(l.Special)?.Effect is LineEffect.Stairs or LineEffect.Donut);
        var still = Enumerable.Range(0, level.Sectors.Length)
            .Where(s => !movingTags.Contains(level.Sectors[s].Tag) && level.Sectors[s].Tag is not (666 or 667) && !behindSpecials.Contains(s))
            .ToList();
        Assert.NotEmpty(still);
        if (!spreads)
        {
            Assert.All(still, s => Assert.False(movable[s], $"sector {s} (tag {level.Sectors[s].Tag})"));
        }

        Assert.True(movable.Count(m => m) < level.Sectors.Length, "every sector marked");
    }

    [Fact]
    public void AMonsterTeleportsDestinationIsNoMover()
    {
        // E3M8's sector 29 carries tag 7, which only its two monster-teleport lines (special 126) name.
        var level = Read("freedoom1", "E3M8");

        Assert.Equal(7, level.Sectors[29].Tag);
        Assert.All(level.Linedefs.Where(l => l.Tag == 7), l => Assert.Equal(126, l.Special));
        Assert.False(MovableSectors.Of(level)[29]);
    }

    private static Level Read(string iwad, string name) =>
        LevelReader.Read(LevelDirectory.Find(iwad == "freedoom1" ? Fixtures.Freedoom1 : Fixtures.Freedoom2).First(e => e.Name == name));
}
