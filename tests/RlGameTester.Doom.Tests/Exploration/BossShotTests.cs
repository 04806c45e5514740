using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A boss whose death ends the level (the Icon of Sin ends any level), more than 1024 units from every spot a player can
/// reach: beyond the range where the explorer counts a boss past no wall as shot, so only Doom's own rules count. The
/// player's room looks into the hall through a slot 40 units high that no body walks through; the brain stands at
/// the hall's far end, or down in a pit past it. Batman Doom's MAP25 ended on a boss seen through a shut sliver of a door.
/// </summary>
public sealed class BossShotTests
{
    private const int Hall = 1200;

    [Fact]
    public void ABossSeenThroughASlotTooLowToWalkIsShotFromBeyond1024Units()
    {
        var result = Explore(slot: 40, pit: false);

        var exit = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.ExitReached);
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

        var exit = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.ExitReached);
        Assert.Contains("within a rocket's reach", exit.Detail, StringComparison.Ordinal);
        Assert.Empty(result.Validation!.Violations);
    }

    private static ExplorationResult Explore(int slot, bool pit)
    {
        Room[] rooms = pit
            ? [new(128, 0, 128), new(8, 0, slot), new(Hall, 0, 128), new(128, -64, 128)]
            : [new(128, 0, 128), new(8, 0, slot), new(Hall, 0, 128)];
        var textmap = HandMadeRuns.RowOfRooms(rooms, [.. rooms.Skip(1).Select(_ => (0, 0))]) +
            Invariant($"thing {{ x = {BrainX(pit)}.0; y = 32.0; angle = 180; type = 88; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n");
        return ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));
    }

    // The hall's far end, or the middle of the pit past it (64 units from its east wall).
    private static int BrainX(bool pit) => pit ? 136 + Hall + 64 : 136 + Hall - 32;
}
