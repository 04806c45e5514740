using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// UDMF's <c>locknumber</c> (a lock on any line, whatever its special) and a sector's <c>moreids</c> (tags besides its
/// id), both dropped by the reader until 2026-12-06: a locked exit line was crossed without its key, and a door found
/// only by one of its extra tags never opened.
/// </summary>
public sealed class UdmfLockAndTagFieldsTests
{
    private const string RedCard = "thing { x = 160.0; y = 32.0; type = 13; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n";

    [Fact]
    public void AnExitLineWithALockNumberNeedsItsKey()
    {
        var locked = Row("locknumber = 1;", doorTags: "");

        var withoutKey = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(locked));
        var withKey = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(locked + RedCard));

        Assert.False(withoutKey.ExitReached);
        ExplorationFixtures.AssertFinishedAndUpheld(withKey);
        Assert.Contains(withKey.Events, e => e.Kind == ExplorerEventKind.KeyPickup && e.Tick < withKey.ExitTick);
    }

    [Fact]
    public void ADoorFoundByOneOfItsMoreIdsOpens()
    {
        // The middle room is a shut door (floor = ceiling) with id 0 and moreids "7"; the start's west wall is a switch
        // calling Door_Open(7).
        var level = HandMadeRuns.Read(Row(exitFields: "", doorTags: "moreids = \"5 7\";"));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal([5, 7], level.Sectors[1].MoreTags);
        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    // The start (128 wide), a middle room (a shut door with the given tags, or open without any) and the exit room past a
    // walk-over Exit_Normal carrying the given fields; the start's west wall is a switch calling Door_Open(7).
    private static string Row(string exitFields, string doorTags)
    {
        var door = doorTags.Length == 0 ? new Room(64, 0, 128) : new Room(64, 0, 0, Tag: 9);
        var text = HandMadeRuns.ThroughOneRoom(door)
            .Replace("special = 243; playercross = true;", $"special = 243; playercross = true; {exitFields}", StringComparison.Ordinal)
            .Replace("id = 9; }", $"id = 0; {doorTags} }}", StringComparison.Ordinal);
        return HandMadeRuns.ReplaceFirst(text, "blocking = true; }", "blocking = true; special = 11; arg0 = 7; arg1 = 16; playeruse = true; }");
    }
}
