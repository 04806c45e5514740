using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Every freedoom level's explorer run (skill 3, seed 0, a position every tic) validated. A run whose path the validator
/// refutes (<see cref="TrajectoryRules.Refutes"/>) never reports its exit reached; every rule a run breaks is one of the
/// explorer's known approximations or defects named in <see cref="ExplorerDefects"/> (checked against the Doom source,
/// with an example tic), so a new kind of break is a regression of the explorer or of the validator.
/// </summary>
public sealed class ShippedRunValidationTests
{
    private const string Air = TrajectoryRules.AirControl;
    private const string Head = TrajectoryRules.HeadRoom;
    private const string Room = TrajectoryRules.NoRoom;
    private const string Pickup = TrajectoryRules.PickupNotTouched;
    private const string Thing = TrajectoryRules.SolidThing;
    private const string Step = TrajectoryRules.StepTooHigh;
    private const string Use = TrajectoryRules.UseBlocked;
    private const string Missed = TrajectoryRules.WalkLineMissed;
    private const string Walk = TrajectoryRules.WalkNotCrossed;
    private const string Wall = TrajectoryRules.WallInBox;
    private const string MonsterLine = TrajectoryRules.NotPlayerTriggerable;
    private const string Shot = TrajectoryRules.ShotBlocked;
    private const string Teleport = TrajectoryRules.TeleportNotCrossed;
    private const string Exit = TrajectoryRules.ExitNotLegal;

    // Measured (skill 3, seed 0): the explorer's exit claims the validator upholds.
    private const int UpheldFinishesAtLeast = 61;

    public static TheoryData<string, string> ShippedLevels()
    {
        var data = new TheoryData<string, string>();
        for (var e = 1; e <= 4; e++)
        {
            for (var m = 1; m <= 9; m++)
            {
                data.Add("freedoom1", $"E{e}M{m}");
            }
        }

        for (var m = 1; m <= 32; m++)
        {
            data.Add("freedoom2", $"MAP{m:00}");
        }

        return data;
    }

    /// <summary>Why the explorer's runs break each rule: the defect on the explorer's side, the Doom rule, an example.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExplorerDefects = new Dictionary<string, string>
    {
        [Wall] = "tic positions interpolated between the explorer's grid cells cut corners: where its path turns or runs "
            + "diagonally past a wall's end the box overlaps the wall by up to 4 units (median 1.9); P_TryMove checks the "
            + "box at every move's end (PIT_CheckLine: one-sided or ML_BLOCKING lines crossing tmbbox fail the move). "
            + "MAP01 tic 72: line 168, 2.91 units deep",
        [Thing] = "the same interpolated corner cuts past solid scenery (PIT_CheckThing: abs(dx) < blockdist blocks). "
            + "MAP01 tic 2366: burnt tree 157 by 1.25 units",
        [Step] = "interpolated corner cuts over the edge of a raised floor (P_TryMove: tmfloorz - thing->z > 24 fails), "
            + "and walks under a step while still falling from a ledge. E1M2 tic 404: sector 202's floor 64 above the feet",
        [Room] = "interpolated corner cuts into a closed or low sector (P_TryMove: tmceilingz - tmfloorz < height fails). "
            + "MAP08 tic 2851: sector 418, closed (floor = ceiling = 8)",
        [Head] = "the explorer's falls take no time (its README): it walks off a ledge straight under a ceiling its head "
            + "does not clear yet (P_TryMove: tmceilingz - thing->z < height fails). MAP01 tic 1508: ceiling 32 is 16 "
            + "above the feet, which are still 16 high",
        [Air] = "falls take no time: after stepping down a ledge or a step the explorer turns, stops or changes speed "
            + "while Doom's body is still airborne (P_MovePlayer: no thrust unless onground; P_XYMovement: no friction "
            + "while z > floorz), and it lands a running jump a tic early. MAP01 tic 1704: a turn of 24.4 units a tic "
            + "while falling",
        [Pickup] = "items taken at a path cell between two tic positions (Doom touches things only at each move's end) "
            + "or before the feet have come down from a fall (P_TouchSpecialThing: delta > height is out of reach). "
            + "MAP01 tic 2140: the chainsaw 1.05 units short",
        [Walk] = "walk-over lines set off at a path cell between two tic positions, where the path pokes over the line "
            + "and back within a tic (P_TryMove only compares the sides of each move's ends). MAP01 tic 331: line 607",
        [Missed] = "the explorer's walk-over test is not P_CrossSpecialLine's: Doom sets off a line when the centre "
            + "crosses its infinite extension while the box touches the segment (the spechit list), so lines fire up to "
            + "16 units beyond their ends; the explorer neither reports nor applies these. E2M7 tic 4668 crosses W1 exit "
            + "line 769, where Doom ends the level",
        [Teleport] = "teleports set off by the box touching a teleport line without the centre crossing it from front "
            + "to back (EV_Teleport: 'if (side == 1) return 0'; P_TryMove: side != oldside). MAP01 tic 668: line 492, "
            + "from its back",
        [Use] = "the explorer's use check looks only for one-sided walls; PTR_UseTraverse also stops at a two-sided line "
            + "whose opening is closed ('if (openrange <= 0) return false') and at any other special line ('can't use "
            + "more than one special line in a row'), and a trace through a wall corner's vertex is stopped there. "
            + "E1M1 tic 73: door line 577 used through the closed sector 92",
        [Exit] = "E3M7's exit switch (line 2212) is used through lift line 2172, which PTR_UseTraverse would use instead",
        [Shot] = "gun lines shot through closed sectors: the explorer's sight ignores two-sided lines whose opening is "
            + "closed (PTR_ShootTraverse hits them). E2M8 tic 170: line 225 shot from inside sector 6, ringed by the "
            + "closed sector 9",
        [MonsterLine] = "monster-only teleport lines (125, 126) reported as set off by the player; P_CrossSpecialLine "
            + "teleports on them only 'if (!thing->player)'. E1M5 tic 3877: line 4059",
    };

    /// <summary>The rules each shipped run breaks.</summary>
    [Theory]
    [MemberData(nameof(ShippedLevels))]
    public void NoShippedRunReportsAnExitItsPathDoesNotUphold(string wad, string level)
    {
        var run = ValidationFixtures.Run(wad, level);

        Assert.NotNull(run.Result.Validation);
        if (run.Result.ExitReached)
        {
            Assert.True(run.Result.Validation.Upholds, $"{level}: {string.Join(" | ", run.Result.Validation.Refutations.Select(v => $"{v.Rule} at tic {v.Tick}: {v.Message}"))}");
            Assert.Contains(run.Events, e => e.Kind == ExplorerEventKind.ExitReached);
        }
        else
        {
            Assert.DoesNotContain(run.Events, e => e.Kind == ExplorerEventKind.ExitReached);
        }

        var unexplained = run.Result.Validation.Violations.Select(v => v.Rule).Distinct().Where(rule => !ExplorerDefects.ContainsKey(rule)).ToList();
        Assert.True(unexplained.Count == 0, $"{level}: rules broken with no known explorer approximation or defect: {string.Join(", ", unexplained)}");
    }

    [Fact]
    public void MostShippedLevelsAreFinishedOnAPathTheValidatorUpholds()
    {
        var finished = ShippedLevels().Select(row => row.Data.Item2)
            .Where(level => ValidationFixtures.Run(level.StartsWith('E') ? "freedoom1" : "freedoom2", level).Result.ExitReached)
            .ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"{finished.Count} of 68 finished on an upheld path: {string.Join(", ", finished)}");
        Assert.True(finished.Count >= UpheldFinishesAtLeast, $"{finished.Count} upheld finishes: {string.Join(", ", finished)}");
    }

    [Theory]
    [InlineData("freedoom1", "E2M8")]
    [InlineData("freedoom2", "MAP16")]
    [InlineData("freedoom2", "MAP30")]
    public void AnExitByABossDeathIsAnAssumptionNotAViolation(string wad, string level)
    {
        var run = ValidationFixtures.Run(wad, level);
        var exit = run.Events.Single(e => e.Kind == ExplorerEventKind.ExitReached);

        Assert.Contains(run.Verdict.Assumptions, a => a == $"boss death assumed: {exit.Detail}");
        Assert.DoesNotContain(run.Verdict.Violations, v => v.Tick == exit.Tick && v.Rule is TrajectoryRules.ExitNotLegal or TrajectoryRules.BossOutOfReach);
    }

    // The same runs with the boss moved 3,000 units east of the spot the explorer claims to have shot it from: out of a
    // bullet's reach, the claim is refuted (a crusher's claim, MAP16's, names its line and is not a shot).
    [Theory]
    [InlineData("freedoom1", "E2M8", 16)]
    [InlineData("freedoom2", "MAP30", 88)]
    public void ABossShotFromBeyondABulletsReachRefutesTheExit(string wad, string level, int boss)
    {
        var run = ValidationFixtures.Run(wad, level);
        var exit = run.Events.Single(e => e.Kind == ExplorerEventKind.ExitReached);
        var far = ValidationFixtures.WithThings(run.Level, t => t.Type == boss ? t with { X = exit.X + 3000, Y = exit.Y } : t);

        var verdict = ValidationFixtures.Validate(far, run.Events);

        var violation = Assert.Single(verdict.Violations, v => v.Rule == TrajectoryRules.BossOutOfReach);
        Assert.Equal(exit.Tick, violation.Tick);
        Assert.True(TrajectoryRules.Refutes(violation));
    }

    [Fact]
    public void E1M8sAssumedBaronDeathIsAnAssumptionOfTheLevelsBossRuleAndUnknownWithoutItsBarons()
    {
        var run = ValidationFixtures.Run("freedoom1", "E1M8");
        var boss = run.Events.Single(e => e.Kind == ExplorerEventKind.LineActivated && e.Line is null);
        const int baron = 3003;
        var withoutBarons = ValidationFixtures.WithThings(run.Level, t => t.Type == baron ? t with { Type = 2014 } : t);

        var verdict = ValidationFixtures.Validate(withoutBarons, run.Events);

        Assert.Contains($"boss death assumed: {boss.Detail}", run.Verdict.Assumptions);
        Assert.DoesNotContain(run.Verdict.Violations, v => v.Rule == TrajectoryRules.BossActionUnknown);
        var unknown = Assert.Single(verdict.Violations, v => v.Rule == TrajectoryRules.BossActionUnknown);
        Assert.Equal(boss.Tick, unknown.Tick);
        Assert.Contains("acts on tag 666", unknown.Message, StringComparison.Ordinal);
    }
}
