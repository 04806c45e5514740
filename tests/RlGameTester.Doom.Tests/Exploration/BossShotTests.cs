using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A boss whose death ends the level (the Icon of Sin ends any level), more than 1024 units from every spot a player can
/// reach: beyond the range where the explorer counts a boss past no wall as shot, so only Doom's own rules count. The
/// player's rooms (the start too low to see anything, two steps up from it) look into the hall through a slot 40 units
/// high that no body walks through; the brain stands at the hall's far end, or down in a pit past it. Batman Doom's MAP25
/// ended on a boss "seen" through a shut sliver of a door.
/// </summary>
public sealed class BossShotTests
{
    private const int Hall = 1200;

    [Fact]
    public void ABossSeenThroughASlotTooLowToWalkIsShotFromBeyond1024Units()
    {
        var result = Explore(slot: 40, pit: false);

        var exit = ShotFromWhereTheBodyStands(result);
        Assert.Contains("in sight of the Icon of Sin", exit.Detail, StringComparison.Ordinal);
        Assert.True(BrainX(pit: false) - exit.X > 1024, Invariant($"shot from x = {exit.X}"));
        Assert.Empty(result.Validation!.Violations);
    }

    [Fact]
    public void ABossBehindAShutSliverIsNotCountedAsShot()
    {
        var result = Explore(slot: 0, pit: false);

        Assert.False(result.ExitReached, string.Join("; ", result.Events.Where(e => e.Kind == ExplorerEventKind.ExitReached).Select(e => e.Detail)));
    }

    [Fact]
    public void ABossInAPitOutOfSightDiesOfARocketsBlastOnTheWallBehindIt()
    {
        var result = Explore(slot: 40, pit: true);

        var exit = ShotFromWhereTheBodyStands(result);
        Assert.Contains("within a rocket's reach", exit.Detail, StringComparison.Ordinal);
        Assert.Empty(result.Validation!.Violations);
    }

    // The shot is judged from a cell's centre, and the validator judges it from the body's position at the exit's tic:
    // the two must be one spot (Batman Doom MAP10's and MAP25's claims were made mid-step, 13 units off, past a corner).
    private static ExplorerEvent ShotFromWhereTheBodyStands(ExplorationResult result)
    {
        var exit = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.ExitReached);
        var position = result.Events.Last(e => e.Kind == ExplorerEventKind.Position && e.Tick <= exit.Tick);
        Assert.Equal((exit.Tick, exit.X, exit.Y), (position.Tick, position.X, position.Y));
        return exit;
    }

    private static ExplorationResult Explore(int slot, bool pit)
    {
        // Two steps up from the start, whose floor is too low to see over the next: the agent walks before it shoots.
        Room[] approach = [new(64, -48, 128), new(32, -24, 128), new(64, 0, 128)];
        Room[] rooms = pit
            ? [.. approach, new(8, 0, slot), new(Hall, 0, 128), new(128, -64, 128)]
            : [.. approach, new(8, 0, slot), new(Hall, 0, 128)];
        var textmap = HandMadeRuns.RowOfRooms(rooms, [.. rooms.Skip(1).Select(_ => (0, 0))]) +
            Invariant($"thing {{ x = {BrainX(pit)}.0; y = 32.0; angle = 180; type = 88; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n");
        return ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));
    }

    // The hall's far end, or the middle of the pit past it (64 units from its east wall).
    private static int BrainX(bool pit) => pit ? 168 + Hall + 64 : 168 + Hall - 32;
}
