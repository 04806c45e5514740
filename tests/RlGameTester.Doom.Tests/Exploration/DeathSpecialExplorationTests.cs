using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A Hexen or UDMF thing's special runs when the thing dies: PSX Doom CE's Tower of Babel opens its exit by its
/// Cyberdemon's Door_Open. The explorer assumes such a monster's death as it assumes a boss's (when nothing else opens
/// the way), and the validator upholds the move only for a thing on the skill whose special it is. A death that starts
/// a script counting the dead before it moves (Dead Simple's) is assumed once for all the things that start it. An item's
/// special runs when it is taken.
/// </summary>
public sealed class DeathSpecialExplorationTests
{
    private const int Zombieman = 3004;

    [Fact]
    public void AMonsterWhoseDeathOpensTheDoorIsAssumedDeadAndTheRunIsUpheld()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 11; arg0 = 5; arg1 = 16;")));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var death = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: null });
        Assert.Equal(1, death.Thing);
        Assert.Contains("Door_Open", death.Detail, StringComparison.Ordinal);
        Assert.Contains(result.Validation!.Assumptions, a => a.StartsWith("death assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheSpecialTheDoorStaysShutAndTheValidatorRefusesAClaimedDeath()
    {
        var level = HandMadeRuns.Read(Level(""));

        Assert.False(ExplorationFixtures.ExploreEveryTic(level).ExitReached);

        // The run of the level with the special, replayed on this one: its claimed death moves nothing here.
        var events = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 11; arg0 = 5; arg1 = 16;"))).Events;
        var verdict = ValidationFixtures.Validate(level, events);
        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.BossActionUnknown);
    }

    [Fact]
    public void ADeathScriptThatCountsTheDeadOpensTheDoorOnceForAllItsThings()
    {
        // Script 3: if (ThingCount(0, 9) == 0) Door_Open(5, 16) (ACS0 words from address 8: ThingCountDirect 0 9;
        // IfNotGoto 32; Terminate; at 32 Lspec2Direct Door_Open 5 16; Terminate). Two zombiemen of id 9 start it.
        int[] code = [60, 0, 9, 79, 32, 1, 10, 11, 5, 16, 1];
        var starts = "id = 9; special = 80; arg0 = 3;";
        var textmap = Level(starts) + $"thing {{ x = 96.0; y = 96.0; angle = 180; type = {Zombieman}; {starts} skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n";
        var level = LevelReader.Read(WadFile.Read(Behavior.Wad(textmap, Behavior.Acs0(3, AcsScriptKind.Closed, 0, code))), "MAP01");

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var death = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: null });
        Assert.Contains("script 3's Door_Open", death.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemWhoseSpecialOpensTheDoorOpensItWhenTakenAndTheRunIsUpheld()
    {
        // An armour bonus with Door_Open(5, 16): GZDoom runs an item's special when it is picked up. The same level with the
        // bonus plain is not finished.
        const string bonus = "thing { x = 64.0; y = 48.0; angle = 0; type = 2015; {0} skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n";
        var plain = Level("").Replace($"type = {Zombieman}; ", "type = 10; ", StringComparison.Ordinal);

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(plain + bonus.Replace("{0}", "special = 11; arg0 = 5; arg1 = 16;", StringComparison.Ordinal)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.False(ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(plain + bonus.Replace("{0}", "", StringComparison.Ordinal))).ExitReached);
    }

    // The start room (x 0-128) with a zombieman, a closed door sector (tag 5, floor and ceiling 0) and, past a walk-over
    // Exit_Normal, the exit room.
    private static string Level(string special) =>
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 0), (243, 0)])) +
        $"thing {{ x = 96.0; y = 32.0; angle = 180; type = {Zombieman}; {special} skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n";
}
