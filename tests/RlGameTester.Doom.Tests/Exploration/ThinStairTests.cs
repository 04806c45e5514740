using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A stair whose steps are thinner than the grid's cells (Hacx 2 MAP04's climb: steps of 24 units, 4 deep). Between two
/// cells the floor under the box rises by several steps, more than the 24 a step may climb; but Doom's P_TryMove looks
/// at each tic's move, and a player pushing on climbs one step a tic. Until 2026-12-06 the explorer stopped at the foot
/// of such a stair (Batman Doom Reborn MAP19 is finished since).
/// </summary>
public sealed class ThinStairTests
{
    // Room A (the start, floor 0), eight steps 4 units deep, each `rise` higher than the last, then room B at the top
    // and room E behind a walk-over exit.
    private static string Textmap(int rise)
    {
        var top = 8 * rise;
        Room[] rooms =
        [
            new(128, 0, 320),
            .. Enumerable.Range(1, 8).Select(i => new Room(4, i * rise, 320)),
            new(128, top, 320),
            new(64, top, 320),
        ];
        return HandMadeRuns.RowOfRooms(rooms, [.. rooms.Skip(1).Select((_, i) => i == rooms.Length - 2 ? (52, 0) : (0, 0))]);
    }

    [Fact]
    public void TheAgentCreepsUpAStairOfStepsThinnerThanACell()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(24)));

        // No violation at all: every tic's move up the stair climbs one step at most, by the validator's own reading.
        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    [Fact]
    public void StepsTooHighToClimbOneAtATimeStopTheBody()
    {
        // 32-unit steps: no move climbs one, however small.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(32)));

        Assert.False(result.ExitReached);
        Assert.Empty(result.Validation!.Refutations);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Position && e.X > 160);
        // Not proven unreachable: UDMF's ports let a player jump, which the proof allows.
        Assert.Contains(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
    }
}
