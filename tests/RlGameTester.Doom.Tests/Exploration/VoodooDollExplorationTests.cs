using System.Collections.Immutable;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
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
