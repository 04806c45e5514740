using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// An exit switch at the back of a slot too low to enter, behind a gun line at the slot's mouth (Hacx 2.0's MAP18 hides
/// a door switch so). The ZDoom family's use trace passes a line a use does not set off; Doom's and Boom's hand the use
/// to the gun line and stop. The explorer presses the switch only where the level's ports let it, and the trajectory
/// validator, with its own trace, agrees.
/// </summary>
public sealed class UseThroughGunLineTests
{
    private const int GunLine = 1;
    private const int ExitSwitch = 2;

    // The start room to x = 160; the slot, 40 high, from 160 to 192; its back wall (x = 176 .. 192, another 16) is the
    // sector behind the switch line at x = 176. Line 1 (x = 160): GR door open and stay (46), tagged to nothing. Line 2
    // (x = 176, facing west): S1 exit (11).
    private static readonly string Textmap = HandMadeRuns.RowOfRooms(
        [new Room(160, 0, 128), new Room(16, 0, 40), new Room(16, 0, 40)],
        [(46, 0), (11, 0)]);

    // East to where the box meets the slot (x = 144): the switch 32 away, through the gun line.
    private static readonly int[] Walk = [32, 48, 64, 80, 96, 112, 128, 144, 144];

    [Fact]
    public void OnALevelForTheZDoomFamilyTheSwitchIsPressedThroughTheGunLine()
    {
        var level = HandMadeRuns.Read(Textmap);
        Assert.True(level.MadeForZDoomPorts);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Equal(ExitSwitch, Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.ExitReached).Line);
    }

    [Fact]
    public void OnADoomFormatLevelTheGunLineTakesTheUseAndTheExitIsNotReached()
    {
        var level = DoomFormat(HandMadeRuns.Read(Textmap));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        // Not proven: the generous search lets a use through any line whose opening is open.
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
        Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
    }

    [Fact]
    public void TheValidatorUpholdsTheUseOnlyWhereThePortsLetItThrough()
    {
        var zdoom = HandMadeRuns.Validate(HandMadeRuns.Read(Textmap), Walk, [], (8, ExitSwitch));
        var doom = HandMadeRuns.Validate(DoomFormat(HandMadeRuns.Read(Textmap)), Walk, [], (8, ExitSwitch));

        Assert.Empty(zdoom.Violations);
        var blocked = Assert.Single(doom.Violations, v => v.Rule == TrajectoryRules.UseBlocked);
        Assert.Equal((8, GunLine), (blocked.Tick, blocked.ElementIndex));
        Assert.Contains("which has special 46 and would be used first", blocked.Message, StringComparison.Ordinal);
    }

    // The same map in Doom's binary format, which Doom's engines play.
    private static Level DoomFormat(Level level) => new(level.Name, LevelFormat.Doom, null, level.Things, level.Linedefs,
        level.Sidedefs, level.Vertices, level.Sectors, level.HasScripts, usesDoomSpecials: true, level.ReadProblems);
}
