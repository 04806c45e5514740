using System.Text.RegularExpressions;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// ZDoom's <c>firstsideonly</c>: a walk-over line set off only when crossed from its front. A row of three rooms whose exit
/// line (line 2) is drawn facing east, into the exit room, so a player walking east from the start crosses it from its
/// back. Until 2026-12-06 the flag was dropped and such a crossing "finished" the level. And <c>playeruseback</c>: a line
/// used from its back as well as its front.
/// </summary>
public sealed partial class FirstSideOnlyTests
{
    private const int ExitLine = 2;

    [Fact]
    public void AFrontOnlyExitLineIsSetOffOnlyWhenCrossedFromItsFront()
    {
        // Walking east the body crosses the exit line from its back: without the flag that ends the level; with it the
        // agent walks on into the exit room and ends the level walking back west across the line, from its front.
        var plain = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Row(firstSideOnly: false)));
        var frontOnly = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Row(firstSideOnly: true)));

        ExplorationFixtures.AssertFinishedAndUpheld(plain);
        ExplorationFixtures.AssertFinishedAndUpheld(frontOnly);
        Assert.True(StepAtExit(plain) > 0);
        Assert.True(StepAtExit(frontOnly) < 0);
    }

    [Fact]
    public void TheValidatorRefutesAFrontOnlyLineSetOffFromItsBack()
    {
        // East along the row: the centre crosses x = 192 (the exit line) from its back at tic 20.
        int[] walk = [.. Enumerable.Range(0, 26).Select(t => 32 + (8 * t))];

        Assert.True(HandMadeRuns.Validate(Row(firstSideOnly: false), walk, (20, ExitLine)).Upholds);
        Assert.False(HandMadeRuns.Validate(Row(firstSideOnly: true), walk, (20, ExitLine)).Upholds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnExitSwitchFacingAwayIsUsedOnlyWithPlayerUseBack(bool useBack)
    {
        // The exit line, impassable and used (not crossed), faces the exit room: the body comes to its back. GZDoom uses a
        // line from its back only with playeruseback.
        var level = HandMadeRuns.Read(ExitLineText().Replace(HandMadeRuns.ThroughOneRoom(new Room(64, 0, 128)), m =>
            $"linedef {{ v1 = {m.Groups["b"]}; v2 = {m.Groups["a"]}; sidefront = {m.Groups["back"]}; sideback = {m.Groups["front"]}; " +
            $"twosided = true; blocking = true; special = 243; playeruse = true;{(useBack ? " playeruseback = true;" : "")}",
            1));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal(useBack, result.ExitReached);
        if (useBack)
        {
            ExplorationFixtures.AssertFinishedAndUpheld(result);
        }
    }

    // The start (128 wide), a middle room and the exit room; the exit line's vertices and sides are swapped so that its
    // front faces the exit room.
    private static string Row(bool firstSideOnly)
    {
        return ExitLineText().Replace(HandMadeRuns.ThroughOneRoom(new Room(64, 0, 128)), m =>
            $"linedef {{ v1 = {m.Groups["b"]}; v2 = {m.Groups["a"]}; sidefront = {m.Groups["back"]}; sideback = {m.Groups["front"]}; " +
            $"twosided = true; special = 243; playercross = true;{(firstSideOnly ? " firstsideonly = true;" : "")}",
            1);
    }

    // Which way along x the body moved in the tic it ended the level (+1 east, -1 west).
    private static int StepAtExit(ExplorationResult result)
    {
        var tick = result.ExitTick!.Value;
        var at = result.Events.Last(e => e.Kind == ExplorerEventKind.Position && e.Tick <= tick);
        var before = result.Events.Last(e => e.Kind == ExplorerEventKind.Position && e.Tick < at.Tick);
        return Math.Sign(at.X - before.X);
    }

    [GeneratedRegex(@"linedef \{ v1 = (?<a>\d+); v2 = (?<b>\d+); sidefront = (?<front>\d+); sideback = (?<back>\d+); twosided = true; special = 243; playercross = true;")]
    private static partial Regex ExitLineText();
}
