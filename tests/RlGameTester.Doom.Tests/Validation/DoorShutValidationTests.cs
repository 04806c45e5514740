using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Exploration;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// A door that opens, waits and closes (T_VerticalDoor: up at 2 a tic, 150 tics at the top, down again) shuts for good
/// when nothing can open it again: its one walk-over line is spent and no door line is on its sides. Until 2026-12-07 the
/// validator took every such door to stay open, so a run through it long after it shut was upheld. A door a player can
/// open again (a D line on its side, a repeatable line on its tag) is still taken to stay open: the run would need one
/// more use, which is an assumption the verdict states.
/// </summary>
public sealed class DoorShutValidationTests
{
    private const int DoorLine = 1;
    private const int DoorSector = 2;

    // Room A (x 0..128, the start), a W1 open-wait-close door line (4, tag 1) at x 128 into corridor B, the door C
    // (x 640..656, shut, tag 1), room D past it and a walk-over exit (52) at x 720 into room E. Crossed at tic 6, the door
    // is open (124) 62 tics later, closes from tic 219 and is shut at tic 281. The walks end at x 760, in room E.
    private static string Textmap(int nearSideSpecial = 0) => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 128), new Room(512, 0, 128), new Room(16, 0, 0, Tag: 1), new Room(64, 0, 128), new Room(64, 0, 128)],
        [(4, 1), (nearSideSpecial, 0), (0, 0), (52, 0)]);

    [Fact]
    public void ARunThroughTheDoorBeforeItShutsIsUpheld()
    {
        var verdict = HandMadeRuns.Validate(Textmap(), [.. HandMadeRuns.Walk(32, 760)], (6, DoorLine));

        Assert.Empty(verdict.Violations);
        Assert.DoesNotContain(verdict.Assumptions, a => a.Contains("assumed to stay open", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunThroughTheDoorAfterItShutForGoodIsRefuted()
    {
        // Waits in the corridor until tic 293, at the door at tic 299: shut since 281, and nothing opens it again.
        int[] xs = [.. HandMadeRuns.Walk(32, 560), .. Enumerable.Repeat(560, 260), .. HandMadeRuns.Walk(576, 760)];
        var verdict = HandMadeRuns.Validate(Textmap(), xs, (6, DoorLine));

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Refutations, v => v.Tick is > 281 and < 310);
    }

    [Fact]
    public void ABodyUnderTheClosingDoorOpensItAgainForAnotherCycle()
    {
        // Stands in the doorway from tic 39 to 300: the door meets it at 281 and goes back up, shut again only at 556. The
        // body steps back, waits, and goes through at about tic 340.
        int[] xs = [.. HandMadeRuns.Walk(32, 648), .. Enumerable.Repeat(648, 262), .. HandMadeRuns.Walk(632, 560, -16), .. Enumerable.Repeat(560, 20), .. HandMadeRuns.Walk(576, 760)];
        var verdict = HandMadeRuns.Validate(Textmap(), xs, (6, DoorLine));

        Assert.True(verdict.Upholds, string.Join("; ", verdict.Refutations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
        Assert.Contains(verdict.Assumptions, a => a.StartsWith($"door of sector {DoorSector} (line {DoorLine} ", StringComparison.Ordinal) && a.EndsWith("met the body closing and opened again, as Doom's doors do", StringComparison.Ordinal));
    }

    [Fact]
    public void ADoorAPlayerCanOpenAgainIsTakenToStayOpenAndSaysSo()
    {
        // The same late run, with a DR line (1) on the door's near side: a use there opens it again.
        int[] xs = [.. HandMadeRuns.Walk(32, 560), .. Enumerable.Repeat(560, 260), .. HandMadeRuns.Walk(576, 760)];
        var verdict = HandMadeRuns.Validate(Textmap(nearSideSpecial: 1), xs, (6, DoorLine));

        Assert.True(verdict.Upholds, string.Join("; ", verdict.Refutations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
        Assert.Contains(verdict.Assumptions, a => a == $"door of sector {DoorSector} (line {DoorLine} (W1 Door open, wait, close)) assumed to stay open (it closes again after its wait)");
    }

    [Fact]
    public void TheExplorersWalkThroughADoorThatShutBeforeItGotThereIsNoFinish()
    {
        // A corridor 6,000 units long: at running speed (360 tics) the door shuts before the body gets to it, and nothing opens it
        // again. The explorer's doors open for good, so its run walks through; the validator refutes that, and the
        // explorer reports no exit reached.
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 128), new Room(6000, 0, 128), new Room(16, 0, 0, Tag: 1), new Room(64, 0, 128), new Room(64, 0, 128)],
            [(4, 1), (0, 0), (0, 0), (52, 0)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.Contains(result.Findings, f => f.Kind == ExplorerFindingKind.PathRefuted);
    }

    // The same row in ZDoom's namespace: line 1 a walk-over Door_Raise (12, tag 1, speed 16: 2 a tic, a 150-tic delay), or
    // another door special in its place, and a walk-over Exit_Normal into room E.
    private static string HexenTextmap(string doorLine = "special = 12; arg0 = 1; arg1 = 16; arg2 = 150;") =>
        HandMadeRuns.ReplaceFirst(
            HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
                [new Room(128, 0, 128), new Room(512, 0, 128), new Room(16, 0, 0, Tag: 1), new Room(64, 0, 128), new Room(64, 0, 128)],
                [(12, 1), (0, 0), (0, 0), (243, 0)])),
            "special = 12; arg0 = 1;",
            doorLine + " playercross = true;");

    [Fact]
    public void HexensDoorRaiseShutsForGoodToo()
    {
        // Until 2026-12-07 a Door_Raise stayed open in the validator. The late run of the Doom test, through it at tic 299.
        int[] late = [.. HandMadeRuns.Walk(32, 560), .. Enumerable.Repeat(560, 260), .. HandMadeRuns.Walk(576, 760)];
        var refuted = HandMadeRuns.Validate(HexenTextmap(), late, (6, DoorLine));
        var upheld = HandMadeRuns.Validate(HexenTextmap(), [.. HandMadeRuns.Walk(32, 760)], (6, DoorLine));

        Assert.False(refuted.Upholds);
        Assert.Contains(refuted.Refutations, v => v.Tick is > 281 and < 310);
        Assert.Empty(upheld.Violations);
    }

    [Theory]
    // A repeatable line may open it again: taken to stay open, and said.
    [InlineData("special = 12; arg0 = 1; arg1 = 16; arg2 = 150; repeatspecial = true;", true)]
    // Door_LockedRaise without a delay opens and stays open (GZDoom's doorOpen): nothing to assume.
    [InlineData("special = 13; arg0 = 1; arg1 = 16; arg2 = 0;", false)]
    public void AHexenDoorThatMayBeOpenAgainOrNeverClosesStaysOpen(string doorLine, bool assumed)
    {
        int[] late = [.. HandMadeRuns.Walk(32, 560), .. Enumerable.Repeat(560, 260), .. HandMadeRuns.Walk(576, 760)];
        var verdict = HandMadeRuns.Validate(HexenTextmap(doorLine), late, (6, DoorLine));

        Assert.True(verdict.Upholds, string.Join("; ", verdict.Refutations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
        Assert.Equal(assumed, verdict.Assumptions.Any(a => a.StartsWith($"door of sector {DoorSector} ", StringComparison.Ordinal) && a.EndsWith("assumed to stay open (it closes again after its wait)", StringComparison.Ordinal)));
    }

    [Fact]
    public void AHexenDoorStaysOpenWhereTheMapsScriptsMayOpenIt()
    {
        // A script (never started here) that calls Door_Open(1, 16): scripts that may move a sector may open the door again.
        int[] late = [.. HandMadeRuns.Walk(32, 560), .. Enumerable.Repeat(560, 260), .. HandMadeRuns.Walk(576, 760)];
        var doorOpen = new[] { 3, 1, 3, 16, 5, 11, 1 };
        var level = Doom.Levels.LevelReader.Read(Doom.Wad.WadFile.Read(Levels.Behavior.Wad(HexenTextmap(), Levels.Behavior.Acs0(1, Doom.Acs.AcsScriptKind.Closed, 0, doorOpen))), "MAP01");

        var verdict = HandMadeRuns.Validate(level, late, [], (6, DoorLine));

        Assert.True(verdict.Upholds, string.Join("; ", verdict.Refutations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
        Assert.Contains(verdict.Assumptions, a => a.StartsWith($"door of sector {DoorSector} ", StringComparison.Ordinal) && a.EndsWith("assumed to stay open (it closes again after its wait)", StringComparison.Ordinal));
    }
}
