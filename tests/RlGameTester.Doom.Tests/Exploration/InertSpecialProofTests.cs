using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Line specials that cannot open a way are no limit of the proof: a port reads a light's control line only when the level
/// loads, and Thing_Activate on monsters or ambient sounds only wakes or sounds them (Super Sonic Doom's levels were each
/// left "not proven: Special 130 is not simulated", named as the mechanic that stopped the explorer).
/// The exit room behind a sector closed for good is proven unreachable beside such a line; beside Thing_Activate on a
/// PathFollower, which may carry a thing along a path, it is left undecided. A line that spawns a plain monster
/// (Thing_SpawnNoFog of an imp: <see cref="RlGameTester.Doom.Actors.SpawnedThings"/>) opens nothing either.
/// </summary>
public sealed class InertSpecialProofTests
{
    private const string Imp = "type = 3001;";
    private const string AmbientSound = "type = 14017;";
    private const string PathFollower = "type = 9071;";

    [Theory]
    [InlineData("special = 210; arg0 = 99; playercross = true;", Imp)]
    [InlineData("special = 130; arg0 = 7; playercross = true;", Imp)]
    [InlineData("special = 131; arg0 = 7; playercross = true;", AmbientSound)]
    [InlineData("special = 132; arg0 = 7; playercross = true;", Imp)]
    [InlineData("special = 208; arg0 = 0; arg1 = 128; playercross = true;", Imp)]
    [InlineData("special = 82; arg0 = 3; playercross = true;", Imp)]
    [InlineData("special = 137; arg0 = 7; arg1 = 5; playercross = true;", Imp)]
    public void ALineThatCannotOpenAWayLeavesTheExitProvenUnreachable(string special, string thing)
    {
        var finding = ExitFinding(special, thing);

        Assert.Equal(ExplorerFindingKind.ExitUnreachable, finding.Kind);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("special = 130; arg0 = 7; playercross = true;", PathFollower)]
    [InlineData("special = 130; arg0 = 8; playercross = true;", Imp)]
    [InlineData("special = 137; arg0 = 7; arg1 = 86; playercross = true;", Imp)]
    public void ThingActivateOnAThingThatMayMoveOrOnNoThingLeavesTheExitUndecided(string special, string thing)
    {
        // A PathFollower can carry a thing along a path; a tid no thing carries may be given to one a script spawns; a
        // spawned key (Thing_SpawnNoFog of spawn number 86, the red keycard) may open a locked way. An imp's spawn (5)
        // changes nothing (above).
        var finding = ExitFinding(special, thing);

        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("special not simulated", finding.Evidence["mechanic"]);
    }

    private static ExplorerFinding ExitFinding(string special, string thing)
    {
        // The start room, a sector closed for good (tag 5, floor and ceiling 0) and the exit room past a walk-over
        // Exit_Normal; the special on the line into the closed sector, a thing with tid 7 in the start room.
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 9), (243, 0)]))
            .Replace("special = 0; arg0 = 9;", special, StringComparison.Ordinal) +
            $"thing {{ x = 96.0; y = 48.0; angle = 0; {thing} id = 7; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n";
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));
        return Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
    }
}
