using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// In the ZDoom family's ports things have heights, and the player (PlayerPawn's +CANPASS) passes beneath a solid thing
/// hung from the ceiling where its top clears the thing's bottom; vanilla's things block at any height. Until 2026-12-07
/// every solid thing blocked at any height: Hacx 2's ceiling lights (16 units tall, +SPAWNCEILING) closed MAP01's spiral
/// stairs to the explorer.
/// </summary>
public sealed class HungThingTests
{
    private const int Victim = 1;
    private const double VictimX = 160;

    // The start room A (x 0..128), room B (x 128..192) with a hanging victim (type 49: solid, 68 tall, radius 16) in the
    // middle of its 64-unit width, so that no box gets round it, and a walk-over exit (52) into room C.
    private static string Textmap(int ceiling) =>
        HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, ceiling), new Room(64, 0, 160)], [(0, 0), (52, 0)])
        + Invariant($"thing {{ x = {VictimX}.0; y = 32.0; angle = 0; type = 49; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n");

    [Theory]
    [InlineData(160, true)]
    [InlineData(120, false)]
    public void TheExplorerWalksBeneathAHungThingOnlyWhereItsBottomClearsTheBody(int ceiling, bool passes)
    {
        // 160: the victim hangs down to 92, clear of a body on the floor (56 tall); 120: to 52, in the way.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(ceiling)));

        Assert.Equal(passes, result.ExitReached);
        Assert.Empty(result.Validation!.Violations);
    }

    [Fact]
    public void TheProofLetsABodyPassBeneathAnyHungThingInAZDoomPortsLevel()
    {
        // In the way at 120 for the explorer, but a floor may lower under a hung thing, or a ceiling (which leaves it where
        // it hangs) rise: the generous search does not count such a thing, so no "proven" verdict rests on it.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(120)));

        var verdict = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.Equal(ExplorerFindingKind.ExitNotReached, verdict.Kind);
        Assert.NotEqual(RlGameTester.Doom.Checks.FindingSeverity.Critical, verdict.Severity);
    }

    [Theory]
    [InlineData(160, true)]
    [InlineData(120, false)]
    public void TheValidatorLetsABodyPassBeneathOnlyWhereItsTopClearsTheThing(int ceiling, bool upheld)
    {
        var verdict = HandMadeRuns.Validate(Textmap(ceiling), [.. HandMadeRuns.Walk(32, 240)]);

        Assert.Equal(upheld, verdict.Upholds);
        Assert.Equal(upheld, !verdict.Refutations.Any(v => v.Rule == TrajectoryRules.SolidThing && v.ElementIndex == Victim));
    }

    [Fact]
    public void ACeilingThatComesDownPushesTheThingDownWithIt()
    {
        // PIT_CeilingLower pushes a hung thing down with its ceiling (a rising one leaves it): B's ceiling lowered to 130
        // brings the victim's bottom from 92 to 62, still clear; to 110, to 42, in the way.
        var level = HandMadeRuns.Read(Textmap(160));
        var planes = new SectorPlanes(level, new LevelGeometry(level));
        var solids = new SolidThings(level, new LevelGeometry(level), planes, 3, new AssumptionLog());
        const int roomB = 1;

        Assert.Equal(92, solids.Bottom(Victim));
        Assert.Equal(-1, solids.Overlapping(VictimX, 32, PlayerBody.BlockingRadius, feet: 0));
        Assert.Equal(Victim, solids.Overlapping(VictimX, 32, PlayerBody.BlockingRadius, feet: 40));
        Assert.Equal(Victim, solids.Overlapping(VictimX, 32, PlayerBody.BlockingRadius));
        planes.SetCeiling(roomB, HeightRange.At(130), 130);
        Assert.Equal(62, solids.Bottom(Victim));
        planes.SetCeiling(roomB, HeightRange.At(110), 110);
        Assert.Equal(Victim, solids.Overlapping(VictimX, 32, PlayerBody.BlockingRadius, feet: 0));
        planes.SetCeiling(roomB, HeightRange.At(200), 200);
        Assert.Equal(92, solids.Bottom(Victim));
    }

    [Fact]
    public void TheWalkCreepsUnderTheThingSoThatABodyOffAStepHasLanded()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(160)));
        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();

        // Within a body's width of the victim's box, a unit a tic at most.
        for (var i = 1; i < positions.Count; i++)
        {
            if (Math.Abs(positions[i].X - VictimX) < 16 + 32 && positions[i].Tick == positions[i - 1].Tick + 1)
            {
                var moved = Math.Abs(positions[i].X - positions[i - 1].X) + Math.Abs(positions[i].Y - positions[i - 1].Y);
                Assert.True(moved <= 1.0001, $"moved {moved} at tic {positions[i].Tick}");
            }
        }

        Assert.Contains(positions, p => Math.Abs(p.X - VictimX) < 1);
    }

    [Fact]
    public void InVanillaAHungThingBlocksAtAnyHeight()
    {
        // freedoom2 MAP10's hanging victim (type 50), in a Doom-format level: no port that plays it gives things heights.
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP10");
        var model = new LevelModel(level, new LevelGeometry(level), 3);
        var victim = Enumerable.Range(0, level.Things.Length).Single(t => level.Things[t].Type == 50);

        Assert.NotNull(SolidScenery.Hanging(level, 50));
        Assert.Null(model.HungBottom(victim));
        Assert.Equal(NavGrid.ThingBlocked, model.Grid.Blocked[model.Grid.CellAt(level.Things[victim].X, level.Things[victim].Y)]);
    }

    [Fact]
    public void AModsActorHangsWhereItsClassOrAParentSaysSpawnCeiling()
    {
        // Hacx 2's ceiling light, as its ZScript gives it, and a class that inherits it.
        var actors = ActorScript.Read(
            [("ZSCRIPT", "class CeilingLight : Actor replaces BlueTorch\n{\n  Default\n  {\n    radius 16;\n    height 16;\n    +SOLID;\n    +SPAWNCEILING;\n    +NOGRAVITY;\n  }\n}\nclass FloorLight : CeilingLight replaces RedTorch\n{\n  Default\n  {\n    -SPAWNCEILING;\n  }\n}\nclass DimLight : CeilingLight replaces GreenTorch\n{\n}\n")],
            _ => null);
        var level = HandMadeRuns.Read(Textmap(160)).WithActors(actors);

        Assert.Equal((16, 16), SolidScenery.Hanging(level, 44));
        Assert.Equal((16, 16), SolidScenery.Hanging(level, 45));
        Assert.Null(SolidScenery.Hanging(level, 46));
    }
}
