using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A thing type none of Doom's tables know is a mod's own actor, which may be a key, a switch or a teleporter the proof
/// cannot see: a limit (<c>custom actors</c>). Unless the mod's definition makes it a plain monster (its states do
/// nothing to the level, it drops no key, no boss rule names it: PSX Doom CE MAP30's only limit was its Nightmare
/// Spectre), which is bounded as Doom's monsters are. The exit room behind a sector closed for good is then proven
/// unreachable; beside any other mod actor it stays undecided.
/// </summary>
public sealed class ModMonsterProofTests
{
    [Fact]
    public void APlainMonsterOfTheModsLeavesTheExitProvenUnreachable()
    {
        var finding = ExitFinding("actor Blob : DoomImp 20001 { }");

        Assert.Equal(ExplorerFindingKind.ExitUnreachable, finding.Kind);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("actor Blob : DoomImp 20001 { DropItem \"RedCard\" }")]
    [InlineData("actor Blob 20001 { +SOLID }")]
    [InlineData("actor Blob : DoomImp 20001 { States { Death: TROO I 8 Door_Open(5, 16) Stop } }")]
    public void AnyOtherModActorLeavesTheExitUndecided(string decorate)
    {
        var finding = ExitFinding(decorate);

        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.NotEqual("proven", finding.Evidence["mechanic"]);
    }

    // The start room with a thing of type 20001, a sector closed for good (tag 5, floor and ceiling 0) and the exit room
    // past a walk-over Exit_Normal, played with the mod's DECORATE given.
    private static ExplorerFinding ExitFinding(string decorate)
    {
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 0), (243, 0)])) +
            "thing { x = 96.0; y = 32.0; angle = 0; type = 20001; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n";
        var level = HandMadeRuns.Read(textmap).WithActors(ActorScript.Read([("DECORATE", decorate)], _ => null));
        return Assert.Single(ExplorationFixtures.ExploreEveryTic(level).Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
    }
}
