using System.Diagnostics;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Every freedoom level's explorer run (skill 3, seed 0, a position every tic) validated. No run is valid yet: each
/// breaks exactly the rules listed for it below, and each rule is there because of an explorer defect named in
/// <see cref="ExplorerDefects"/> (checked against the Doom source, with an example tic). When the explorer is fixed,
/// its rules drop out of these lists; a new rule in a run is a regression of the explorer or of the validator.
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

    /// <summary>Why the explorer's runs break each rule: the defect on the explorer's side, the Doom rule, an example.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExplorerDefects = new Dictionary<string, string>
    {
        [Wall] = "tic positions interpolated between the explorer's grid cells cut corners: where its path turns or runs "
            + "diagonally past a wall's end the box overlaps the wall by up to 4 units (median 1.9); P_TryMove checks the "
            + "box at every move's end (PIT_CheckLine: one-sided or ML_BLOCKING lines crossing tmbbox fail the move). "
            + "MAP01 tic 74: line 168, 3.72 units deep",
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
    public static readonly IReadOnlyDictionary<string, string[]> KnownInvalidRuns = new Dictionary<string, string[]>
    {
        ["E1M1"] = [Air, Head, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M2"] = [Air, Head, Room, Pickup, Thing, Step, Missed, Walk, Wall],
        ["E1M3"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M4"] = [Air, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M5"] = [Air, Head, Room, MonsterLine, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M6"] = [Air, Head, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M7"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E1M8"] = [Air, Pickup, Thing, Step, Wall],
        ["E1M9"] = [Air, Room, MonsterLine, Pickup, Thing, Step, Missed, Wall],
        ["E2M1"] = [Air, Head, MonsterLine, Pickup, Step, Walk, Wall],
        ["E2M2"] = [Air, Head, Room, Pickup, Step, Teleport, Wall],
        ["E2M3"] = [Air, Room, Pickup, Step, Use, Missed, Walk, Wall],
        ["E2M4"] = [Air, Pickup, Thing, Step, Missed, Wall],
        ["E2M5"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E2M6"] = [Air, Head, Room, Pickup, Thing, Step, Use, Wall],
        ["E2M7"] = [Air, Head, Room, Pickup, Shot, Step, Use, Missed, Walk, Wall],
        ["E2M8"] = [Air, Pickup, Shot, Wall],
        ["E2M9"] = [Air, Head, Room, Pickup, Shot, Thing, Step, Use, Missed, Walk, Wall],
        ["E3M1"] = [Air, MonsterLine, Pickup, Thing, Step, Wall],
        ["E3M2"] = [Air, Head, Room, Pickup, Thing, Step, Missed, Walk, Wall],
        ["E3M3"] = [Air, Room, Pickup, Thing, Step, Use, Walk, Wall],
        ["E3M4"] = [Air, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E3M5"] = [Air, Room, MonsterLine, Pickup, Step, Teleport, Walk, Wall],
        ["E3M6"] = [Air, Head, Room, Pickup, Thing, Step, Teleport, Missed, Walk, Wall],
        ["E3M7"] = [Air, Exit, Room, Pickup, Thing, Step, Teleport, Use, Missed, Walk, Wall],
        ["E3M8"] = [Air, Pickup, Thing, Wall],
        ["E3M9"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Wall],
        ["E4M1"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E4M2"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Wall],
        ["E4M3"] = [Air, Head, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E4M4"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E4M5"] = [Air, Head, Room, Pickup, Step, Use, Missed, Wall],
        ["E4M6"] = [Air, Head, Room, Pickup, Thing, Step, Use, Wall],
        ["E4M7"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["E4M8"] = [Air, MonsterLine, Pickup, Use, Missed, Wall],
        ["E4M9"] = [Air, Head, Room, MonsterLine, Pickup, Thing, Step, Teleport, Use, Missed, Walk, Wall],
        ["MAP01"] = [Air, Head, Room, Pickup, Thing, Step, Teleport, Missed, Walk, Wall],
        ["MAP02"] = [Air, Head, Room, Pickup, Step, Use, Missed, Wall],
        ["MAP03"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP04"] = [Air, Room, Pickup, Thing, Step, Use, Wall],
        ["MAP05"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP06"] = [Air, Head, Room, Pickup, Thing, Step, Teleport, Missed, Wall],
        ["MAP07"] = [Air, Step, Walk, Wall],
        ["MAP08"] = [Air, Head, Room, Pickup, Thing, Step, Use, Wall],
        ["MAP09"] = [Air, Room, Pickup, Thing, Step, Use, Wall],
        ["MAP10"] = [Air, Head, Pickup, Thing, Step, Teleport, Missed, Walk, Wall],
        ["MAP11"] = [Air, Head, Room, Pickup, Shot, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP12"] = [Air, Head, Room, MonsterLine, Pickup, Shot, Step, Use, Missed, Walk, Wall],
        ["MAP13"] = [Air, Thing, Step, Use, Wall],
        ["MAP14"] = [Air, Head, Room, MonsterLine, Pickup, Shot, Thing, Step, Missed, Wall],
        ["MAP15"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP16"] = [Air, Room, Pickup, Thing, Step, Use, Wall],
        ["MAP17"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP18"] = [Air, Head, Pickup, Thing, Step, Missed, Wall],
        ["MAP19"] = [Air, Head, Pickup, Thing, Step, Wall],
        ["MAP20"] = [Air, Room, Shot, Step, Use, Missed, Wall],
        ["MAP21"] = [Air, Head, Pickup, Step, Teleport, Use, Missed, Wall],
        ["MAP22"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Wall],
        ["MAP23"] = [Air, Head, Room, Pickup, Thing, Step, Missed, Walk, Wall],
        ["MAP24"] = [Air, Pickup, Step, Teleport, Missed, Wall],
        ["MAP25"] = [Air, Head, Room, Pickup, Thing, Step, Use, Missed, Walk, Wall],
        ["MAP26"] = [Air, Room, MonsterLine, Pickup, Thing, Step, Walk, Wall],
        ["MAP27"] = [Air, Room, Pickup, Step, Teleport, Missed, Wall],
        ["MAP28"] = [Air, Room, Pickup, Thing, Step, Use, Wall],
        ["MAP29"] = [Air, Thing, Teleport, Walk, Wall],
        ["MAP30"] = [Air, Pickup, Step, Wall],
        ["MAP31"] = [Air, Head, Room, Pickup, Teleport, Wall],
        ["MAP32"] = [Air, Head, Pickup, Step, Use, Missed, Walk, Wall],
    };

    public static TheoryData<string, string> ShippedLevels()
    {
        var data = new TheoryData<string, string>();
        foreach (var level in KnownInvalidRuns.Keys)
        {
            data.Add(level.StartsWith('E') ? "freedoom1" : "freedoom2", level);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedLevels))]
    public void EachShippedRunBreaksExactlyTheRulesItsKnownExplorerDefectsExplain(string wad, string level)
    {
        var run = ValidationFixtures.Run(wad, level);

        var broken = run.Verdict.Violations.Select(v => v.Rule).Distinct().Order(StringComparer.Ordinal).ToList();

        var expected = KnownInvalidRuns[level].Order(StringComparer.Ordinal).ToList();
        var firstOfUnexpected = run.Verdict.Violations
            .Where(v => !expected.Contains(v.Rule))
            .GroupBy(v => v.Rule)
            .Select(g => $"{g.Key} at tic {g.First().Tick}: {g.First().Message}");
        Assert.True(expected.SequenceEqual(broken), $"{level}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", broken)}]; new: {string.Join(" | ", firstOfUnexpected)}");
        Assert.All(expected, rule => Assert.True(ExplorerDefects.ContainsKey(rule), $"no documented defect for {rule}"));
        Assert.False(run.Verdict.Valid);
    }

    [Fact]
    public void TheExitOfEveryFinishedRunIsLegalExceptE3M7sSwitchBehindALiftLine()
    {
        var illegal = new List<string>();
        foreach (var level in KnownInvalidRuns.Keys)
        {
            var run = ValidationFixtures.Run(level.StartsWith('E') ? "freedoom1" : "freedoom2", level);
            if (run.Result.ExitReached && run.Verdict.Violations.Any(v => v.Rule == TrajectoryRules.ExitNotLegal))
            {
                illegal.Add(level);
            }
        }

        Assert.Equal(["E3M7"], illegal);
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
        Assert.DoesNotContain(run.Verdict.Violations, v => v.Tick == exit.Tick && v.Rule == TrajectoryRules.ExitNotLegal);
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

    [Fact]
    public void AThirtyMinuteRunValidatesInWellUnderASecond()
    {
        // E4M7's run is the longest (about 20,500 tics): walked there, back, there and back again it makes 30 minutes.
        const int thirtyMinutes = 35 * 60 * 30;
        var run = ValidationFixtures.Run("freedoom1", "E4M7");
        var positions = run.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var events = new List<ExplorerEvent>(run.Events.Where(e => e.Kind != ExplorerEventKind.ExitReached));
        var tick = positions[^1].Tick;
        for (var leg = 0; tick < thirtyMinutes; leg++)
        {
            var order = leg % 2 == 0 ? Enumerable.Reverse(positions) : positions;
            foreach (var p in order.Skip(1).Take(thirtyMinutes - tick))
            {
                events.Add(p with { Tick = ++tick });
            }
        }

        // The best of three passes, so that a moment of load on a shared machine does not decide it.
        var best = TimeSpan.MaxValue;
        TrajectoryVerdict? verdict = null;
        for (var pass = 0; pass < 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            verdict = TrajectoryValidator.Validate(run.Level, run.Geometry, events, ValidationFixtures.Skill);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, clock.Elapsed.Ticks));
        }

        Assert.Equal(thirtyMinutes, tick);
        Assert.NotEmpty(verdict!.Violations);
        Assert.True(best < TimeSpan.FromSeconds(1), $"{tick} tics took {best.TotalMilliseconds:0} ms");
    }
}
