using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Items and secrets the explorer never got to are called unreachable only when the proof's search finds no way to them
/// either, as keys are; otherwise they are "not reached by the explorer", naming what let the search through or what
/// keeps it from deciding. Until 2026-12-05 an item was "cannot be picked up" from the explorer's reach alone: Super
/// Sonic Doom's MAP02 listed a dozen items behind its springs and scripts that way.
/// </summary>
public sealed class PickupProofTests
{
    private const int Medikit = 2012;

    [Fact]
    public void AnItemAndASecretInAClosetThatNeverOpensAreProvenOutOfReach()
    {
        var result = ExplorationFixtures.Explore(HandMadeRuns.Read(Closet()));

        var item = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.UnreachableItem);
        Assert.Equal("Unreachable item: medikit (thing 1)", item.Title);
        Assert.Equal("proven", item.Evidence["proof"]);
        var secret = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.UnreachableSecret);
        Assert.Equal("Unreachable secret: sector 1", secret.Title);
        Assert.Equal("proven", secret.Evidence["proof"]);
    }

    [Fact]
    public void InALevelWithAScriptTheSameItemIsOnlyNotReachedByTheExplorer()
    {
        // A script may open the closet (Door_Open(7, 16) in an OPEN script: ACS0 Lspec2Direct 11 7 16; Terminate): the proof
        // cannot decide, and says so. (A script that does nothing a way depends on is no limit: HarmlessScriptProofTests.)
        var text = HandMadeRuns.InZDoom(Closet());
        var level = LevelReader.Read(WadFile.Read(Behavior.Wad(text, Behavior.Acs0(1, AcsScriptKind.Open, 0, [10, 11, 7, 16, 1]))), "MAP01");

        var result = ExplorationFixtures.Explore(level);

        var item = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.UnreachableItem);
        Assert.Equal("Item not reached by the explorer: medikit (thing 1)", item.Title);
        Assert.Equal(("not proven", "acs script"), (item.Evidence["proof"], item.Evidence["mechanic"]));
        Assert.Equal(ExitVerdictJudge.NotProvenConfidence, item.Confidence);
        Assert.Equal(FindingSeverity.Minor, item.Severity);
    }

    [Fact]
    public void ItemsAndSecretsARunStoppedEarlyMissedAreNotReachedByTheExplorerWithTheWayOn()
    {
        // freedoom1 E2M4 stopped after 1000 tics: much of the level is still ahead, and every item and secret left there
        // is one a player gets to. Each finding says which of the two it is, by its proof.
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E2M4");
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { TickLimit = 1000 }, TestContext.Current.CancellationToken);

        var missed = result.Findings.Where(f => f.Kind is ExplorerFindingKind.UnreachableItem or ExplorerFindingKind.UnreachableSecret).ToList();
        Assert.NotEmpty(missed);
        foreach (var finding in missed)
        {
            var proven = finding.Evidence["proof"] == "proven";
            Assert.Equal(proven, finding.Title.StartsWith("Unreachable", StringComparison.Ordinal));
            Assert.Equal(proven, !finding.Title.Contains("not reached by the explorer", StringComparison.Ordinal));
        }

        Assert.Contains(missed, f => f.Kind == ExplorerFindingKind.UnreachableItem && f.Evidence["proof"] == "not proven" && f.Evidence.ContainsKey("way_x"));
        Assert.Contains(missed, f => f.Kind == ExplorerFindingKind.UnreachableSecret && f.Evidence["proof"] == "not proven");
    }

    // The start room (x 0-128) and, over line 1, a closet (x 128-192) whose floor meets its ceiling, a secret sector
    // with a medikit in it. Nothing in the level moves a floor or a ceiling.
    private static string Closet() =>
        HandMadeRuns.RowOfRooms([new Room(128, 0, 128), new Room(64, 0, 0, Tag: 7)], [(0, 0)])
            .Replace("id = 7;", "id = 7; special = 9;", StringComparison.Ordinal)
        + $"thing {{ x = 160.0; y = 32.0; angle = 0; type = {Medikit}; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n";
}
