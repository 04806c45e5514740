using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Checks;

/// <summary>Player and deathmatch starts.</summary>
internal static class StartChecks
{
    // Vanilla's G_DeathMatchSpawnPlayer quits with "Only N deathmatch spots, 4 required".
    private const int VanillaMinimumDeathmatchStarts = 4;

    public static void Run(CheckContext c)
    {
        var starts = new List<int>[5];
        for (var p = 1; p <= 4; p++)
        {
            starts[p] = [];
        }

        var deathmatch = 0;
        for (var i = 0; i < c.Level.Things.Length; i++)
        {
            var type = c.Level.Things[i].Type;
            if (type is >= 1 and <= 4)
            {
                starts[type].Add(i);
            }
            else if (type == 11)
            {
                deathmatch++;
            }
        }

        if (starts[1].Count == 0)
        {
            if (c.IsVanillaFormat || deathmatch == 0)
            {
                c.ReportLevel(CheckNames.MissingPlayer1Start, FindingSeverity.Critical,
                    deathmatch == 0
                        ? "The level has no player 1 start (thing type 1) and no deathmatch start: no game can begin on it."
                        : "The level has no player 1 start (thing type 1): Doom cannot start it in single player or co-op.");
            }
            else
            {
                c.ReportLevel(CheckNames.MissingPlayer1Start, FindingSeverity.Minor,
                    $"The level has no player 1 start (thing type 1); ZDoom-based ports (such as ViZDoom) spawn the player at one of its {deathmatch} deathmatch starts instead, other ports refuse it.");
            }
        }

        for (var p = 1; p <= 4; p++)
        {
            var list = starts[p];
            for (var k = 0; k < list.Count - 1; k++)
            {
                c.ReportThing(CheckNames.DuplicatePlayerStart, FindingSeverity.Minor, list[k],
                    $"Player {p} start (thing {list[k]}) is one of {list.Count}: Doom spawns player {p} at the last one (thing {list[^1]}) and leaves a voodoo doll at each other one, which dies when hurt and can trigger lines. Remove it unless the doll is intended.");
            }
        }

        var missingCoop = Enumerable.Range(2, 3).Where(p => starts[p].Count == 0).ToList();
        if (missingCoop.Count > 0 && starts[1].Count > 0)
        {
            c.ReportLevel(CheckNames.MissingCoopStarts, FindingSeverity.Info,
                $"No start for player{(missingCoop.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missingCoop)}: co-op games with that many players cannot begin on this level.");
        }

        if (deathmatch == 0)
        {
            c.ReportLevel(CheckNames.MissingDeathmatchStarts, FindingSeverity.Minor,
                "The level has no deathmatch start (thing type 11): it cannot be played in deathmatch (agents that force deathmatch mode, like Arnold, fail on it).");
        }
        else if (deathmatch < VanillaMinimumDeathmatchStarts && c.IsVanillaFormat)
        {
            c.ReportLevel(CheckNames.TooFewDeathmatchStarts, FindingSeverity.Minor,
                $"The level has only {deathmatch} deathmatch start{(deathmatch > 1 ? "s" : string.Empty)}; vanilla Doom needs at least {VanillaMinimumDeathmatchStarts} and quits when a deathmatch begins.");
        }
    }
}
