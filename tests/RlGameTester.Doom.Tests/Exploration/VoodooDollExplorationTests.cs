using System.Collections.Immutable;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A voodoo doll on a conveyor in freedoom2's MAP01: its start room (sector 0, x -224..-32) carries bodies east
/// (line 60's vector, 192 units: 6 a tic), and the line out east (line 82, into the stairs) is made a W1 exit. A doll
/// (an extra player 1 start before the player's own) in the room is carried over it and ends the level; the finish
/// says it rests on the doll, and the validator takes the doll's crossing as an assumption, not as the player's.
/// </summary>
public sealed class VoodooDollExplorationTests
{
    private const int ConveyorTag = 900;
    private const int ConveyorLine = 60;
    private const int ExitLine = 82;

    [Fact]
    public void ADollCarriedOverAWalkOverExitEndsTheLevelAndTheFinishSaysItRestsOnTheDoll()
    {
        var level = Doctored(conveyor: true);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Validation!.Refutations.Select(v => v.Message)));
        var byDoll = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated);
        Assert.Equal((ExitLine, 0), (byDoll.Line, byDoll.Thing));
        Assert.Contains(result.ExitAssumptions, a => a.Contains("voodoo doll", StringComparison.Ordinal));
        Assert.Contains(result.Validation.Assumptions, a => a.StartsWith("voodoo doll crossing assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void ADollSpawnedAUnitPastTheLineIsCarriedBackOverItFromItsSpawnSpot()
    {
        // Line 3's vector carries west; the doll spawns in the stairs' sector 8, 1 unit east of line 82 (its grid cell
        // is on the line): only a first move from the spawn spot crosses it.
        var level = Doctored(conveyor: true, dollX: -31, conveyorLine: 3, carrying: [0, 8]);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Validation!.Refutations.Select(v => v.Message)));
        Assert.Contains(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == ExitLine && e.Thing == 0);
    }

    [Fact]
    public void ADollOnAFloorThatDoesNotCarrySetsNothingOff()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Doctored(conveyor: false));

        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Thing is not null);
    }

    [Fact]
    public void ACrossingClaimedForThePlayersOwnStartIsNoDollsAndRefutesTheExit()
    {
        var level = Doctored(conveyor: true);
        var events = ExplorationFixtures.ExploreEveryTic(level).Events;
        var player = ThingPresence.PlayerStart(level);

        var claimed = events.Select(e => e.Kind == ExplorerEventKind.LineActivated ? e with { Thing = player } : e).ToList();
        var verdict = TrajectoryValidator.Validate(level, new LevelGeometry(level), claimed, 3);

        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.NotPlayerTriggerable && v.Message.Contains("no voodoo doll", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ADollCarriedOverATeleportLineGoesOnFromTheDestination(bool facingTheDoll)
    {
        // A row of five rooms: the player shut in the first (line 1 impassable); a doll in the second, carried east over
        // a W1 teleport (line 2) to a destination in the fourth, which carries it east over a W1 exit (line 4). Only a
        // teleport crossed from its front takes the doll.
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 128), new Room(128, 0, 128, Tag: 7), new Room(64, 0, 128), new Room(128, 0, 128, Tag: 8), new Room(64, 0, 128)],
            [(0, 0), (39, 8), (0, 0), (52, 0)]));
        var lines = level.Linedefs
            .SetItem(1, level.Linedefs[1] with { Flags = level.Linedefs[1].Flags | LinedefFlags.Impassable })
            .SetItem(8, level.Linedefs[8] with { Special = 252, Tag = 7 })
            .SetItem(12, level.Linedefs[12] with { Special = 252, Tag = 8 });
        if (!facingTheDoll)
        {
            lines = lines.SetItem(2, lines[2] with { Start = lines[2].End, End = lines[2].Start, FrontSide = lines[2].BackSide, BackSide = lines[2].FrontSide });
        }

        var player = level.Things[0];
        Thing[] things = [player with { X = 160 }, player with { X = 384, Type = 14 }, player];
        var result = ExplorationFixtures.ExploreEveryTic(ExplorationFixtures.With(level, things: [.. things], lines: lines));

        Assert.Equal(facingTheDoll, result.ExitReached);
        if (facingTheDoll)
        {
            ExplorationFixtures.AssertFinishedAndUpheld(result);
            var byDoll = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated);
            Assert.Equal((4, 0), (byDoll.Line, byDoll.Thing));
        }
    }

    // The doll goes first in THINGS: Doom spawns the player at the last player 1 start.
    private static Level Doctored(bool conveyor, int dollX = -192, int conveyorLine = ConveyorLine, int[]? carrying = null)
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP01");
        var start = level.Things[ThingPresence.PlayerStart(level)];
        var doll = start with { X = dollX, Y = -200 };
        var lines = level.Linedefs.SetItem(ExitLine, level.Linedefs[ExitLine] with { Special = 52 });
        if (conveyor)
        {
            lines = lines.SetItem(conveyorLine, lines[conveyorLine] with { Special = 252, Tag = ConveyorTag });
        }

        var sectors = level.Sectors;
        foreach (var sector in carrying ?? [0])
        {
            sectors = sectors.SetItem(sector, sectors[sector] with { Tag = ConveyorTag });
        }

        return ExplorationFixtures.With(
            level,
            things: ImmutableArray.Create(doll).AddRange(level.Things),
            lines: lines,
            sectors: sectors);
    }
}
