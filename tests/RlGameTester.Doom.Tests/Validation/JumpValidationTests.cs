using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// GZDoom's jump, replayed: the feet rise 8, 15, 21, 26 ... after the tic the jump is pressed in, a body in the air steps
/// onto floor up to 24 above its feet, the ceiling stops the rise, MAPINFO's nojump forbids it, and another jump waits
/// for jumpTics. Hand-made runs on a UDMF level (ZDoom-family ports play it, so the player may jump).
/// </summary>
public sealed class JumpValidationTests
{
    // A room at x 0..192 (floor 0), a ledge at 192..320 (floor 48): 24 more than a step.
    private static readonly string Textmap = HandMadeRuns.RowOfRooms([new Room(192, 0, 160), new Room(128, 48, 160)], [(0, 0)]);

    // The same with a ceiling of 72 over x 0..160: the head stops the feet 16 above the floor.
    private static readonly string LowCeiling = HandMadeRuns.RowOfRooms([new Room(160, 0, 72), new Room(32, 0, 160), new Room(128, 48, 160)], [(0, 0), (0, 0)]);

    // To x = 126 on the ground, then 12 a tic: with the jump pressed at tic 7, the feet are at 26 for the move of tic 11 onto
    // the ledge (the box's east edge from 190 to 202, 10 over the ledge), 22 below it.
    private static readonly int[] Run = [32, 48, 64, 80, 96, 112, 126, 138, 150, 162, 174, 186, 202, 218];
    private const int TakeOff = 7;
    private const int OntoLedge = 11;

    [Fact]
    public void AJumpPressedInTimeClimbsALedgeOfFortyEight()
    {
        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(Textmap), Run, [TakeOff]);

        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Assumptions, a => a.StartsWith("the run jumps as GZDoom's player does", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { TakeOff + 1 })]
    public void WithoutAJumpOrWithOnePressedATicLateTheLedgeIsTooHigh(int[] jumps)
    {
        // A tic late the feet are at 21 when the body moves onto the ledge: 27 below it.
        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(Textmap), Run, jumps);

        var step = Assert.Single(verdict.Refutations);
        Assert.Equal((TrajectoryRules.StepTooHigh, OntoLedge), (step.Rule, step.Tick));
    }

    [Fact]
    public void TheCeilingStopsTheRiseShortOfTheLedge()
    {
        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(LowCeiling), Run, [TakeOff]);

        var step = Assert.Single(verdict.Refutations);
        Assert.Equal((TrajectoryRules.StepTooHigh, OntoLedge), (step.Rule, step.Tick));
        Assert.Contains("above the feet at 16 in the air", step.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelWhoseMapinfoSaysNojumpHasNoJump()
    {
        var nojump = ActorScript.Read([("ZMAPINFO", "map MAP01 \"Ledge\"\n{\n    nojump\n}\n")], _ => null);

        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(Textmap).WithActors(nojump), Run, [TakeOff]);

        var forbidden = Assert.Single(verdict.Refutations);
        Assert.Equal((TrajectoryRules.JumpForbidden, TakeOff), (forbidden.Rule, forbidden.Tick));
        Assert.Contains("MAPINFO says nojump", forbidden.Message, StringComparison.Ordinal);
    }

    [Theory]
    // In the air (the feet at 30 at tic 5).
    [InlineData(5, false)]
    // Back on the floor at tic 17, but the tic 18 begins with jumpTics at -18 and the feet as tic 16 left them (8 up).
    [InlineData(18, false)]
    // Tic 19 begins on the ground with jumpTics under -18: cleared, and the jump goes.
    [InlineData(19, true)]
    public void AnotherJumpGoesOnlyFromTheGroundOnceJumpTicsIsCleared(int second, bool goes)
    {
        var standing = Enumerable.Repeat(32, 40).ToArray();

        var verdict = HandMadeRuns.Validate(HandMadeRuns.Read(Textmap), standing, [1, second]);

        if (goes)
        {
            Assert.Empty(verdict.Violations);
        }
        else
        {
            var early = Assert.Single(verdict.Refutations);
            Assert.Equal((TrajectoryRules.JumpNotReady, second), (early.Rule, early.Tick));
        }
    }
}
