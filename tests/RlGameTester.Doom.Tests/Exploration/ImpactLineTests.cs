using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A UDMF line may tick <c>impact</c> beside <c>playercross</c> or <c>playeruse</c>: a shot sets it off as well (Project
/// Zolee MAP03's script line stands on the face of a block 128 units up; no one walks over it, everyone shoots it). The
/// explorer and the validator read only the first of a line's activations, so such a line was a walk-over line out of
/// reach. Here a closed door (tag 5) is opened by Door_Open on its own face, which no one can cross while it is shut.
/// </summary>
public sealed class ImpactLineTests
{
    private const int DoorFace = 1;

    [Fact]
    public void AWalkOverLineThatAlsoAnswersToAShotIsShotAndTheRunHolds()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("playercross = true; impact = true;")));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var shot = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: DoorFace });
        Assert.True(shot.X < 128 - 16, $"set off from ({shot.X}, {shot.Y}), on the line's near side, as a shot is");
    }

    [Fact]
    public void AWalkOverLineWithoutImpactIsNotShot()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("playercross = true;")));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: DoorFace });
    }

    [Theory]
    [InlineData("playercross = true; impact = true;", true)]
    [InlineData("playeruse = true; impact = true;", true)]
    [InlineData("playercross = true;", false)]
    public void TheValidatorTakesAShotFromAfarOnlyForALineWithImpact(string activation, bool upheld)
    {
        // Set off from (48, 32), 80 units short of the door's face, which a use does not reach and a walk does not cross.
        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(Level(activation)), [.. HandMadeRuns.Walk(32, 48)], [], (1, DoorFace));

        Assert.Equal(upheld, verdict.Upholds);
        if (!upheld)
        {
            Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.WalkNotCrossed);
        }
    }

    [Theory]
    [InlineData("playercross = true; impact = true;", new[] { LineTrigger.Walk, LineTrigger.Gun })]
    [InlineData("playercross = true;", new[] { LineTrigger.Walk })]
    public void TheProofCountsAnExitLineThatAnswersToAShotAsOneToShootToo(string activation, LineTrigger[] triggers)
    {
        // The exit line itself on the door's face (Exit_Normal instead of Door_Open): the generous search may shoot it.
        var level = HandMadeRuns.Read(Level(activation).Replace("special = 11; arg0 = 5; arg1 = 16;", "special = 243; arg0 = 0;", StringComparison.Ordinal));

        var exits = new LevelMechanics(level, new LevelGeometry(level), Skills.Medium).ExitLines.Where(e => e.Line == DoorFace);

        Assert.Equal(triggers, exits.Select(e => e.Trigger));
    }

    // The start room (x 0-128), a door shut for good but by line 1's Door_Open (tag 5, 16 wide) and the exit room past a
    // walk-over Exit_Normal.
    private static string Level(string activation) =>
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(16, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 5), (243, 0)]))
            .Replace("special = 0; arg0 = 5;", $"special = 11; arg0 = 5; arg1 = 16; {activation}", StringComparison.Ordinal);
}
