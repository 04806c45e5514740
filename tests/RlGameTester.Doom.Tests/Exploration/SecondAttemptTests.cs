using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A run that traps itself is played once more with the next seed. The level: a start room whose door shuts behind the
/// player (a walk-over line into the hub), two arms off the hub as far from that door as each other, and the exit room
/// behind a door that is open. The west arm's walk-over line shuts the door, the east arm's opens it (each once): west then east leaves it open,
/// east then west shuts it for good and leaves the player in the hub with neither the start nor the exit in reach. Which
/// arm the explorer takes first is a tie its seed breaks (some seeds one way, some the other).
/// </summary>
public sealed class SecondAttemptTests
{
    private const int ShutLine = 1;
    private const int OpenLine = 7;

    [Fact]
    public void ARunThatTrapsItselfIsPlayedAgainWithTheNextSeedAndItsTrapIsKept()
    {
        var (trapping, result) = FirstSeedThatTraps();

        AssertFinished(result);
        Assert.Equal(2, result.Attempts);
        var trap = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock && f.Evidence.ContainsKey("attempt"));
        Assert.Contains($"first attempt (seed {trapping})", trap.Description, StringComparison.Ordinal);
        Assert.Equal(ShutLine.ToString(System.Globalization.CultureInfo.InvariantCulture), trap.Evidence["last_line"]);

        // The result is the second run's: it sets off the shutting line before the opening one.
        var lines = result.Events.Where(e => e.Kind == ExplorerEventKind.LineActivated).Select(e => e.Line).ToList();
        Assert.True(lines.IndexOf(ShutLine) < lines.IndexOf(OpenLine), string.Join(", ", lines));
    }

    [Fact]
    public void ARunThatFinishesIsPlayedOnce()
    {
        var (trapping, _) = FirstSeedThatTraps();

        var result = Explore(trapping + 1);

        AssertFinished(result);
        Assert.Equal(1, result.Attempts);
        Assert.DoesNotContain(result.Findings, f => f.Evidence.ContainsKey("attempt"));
    }

    // The first seed whose run takes the east arm first and whose next seed's run does not (the seeds turn and reverse
    // the search's directions: of 0-15, 4 and 15 do so on this level); its result is that of the second run.
    private static (int Seed, ExplorationResult Result) FirstSeedThatTraps()
    {
        for (var seed = 0; seed < 16; seed++)
        {
            var result = Explore(seed);
            if (result.Attempts == 2)
            {
                return (seed, result);
            }
        }

        Assert.Fail("no seed of 0-15 trapped itself and finished on its second attempt");
        return default;
    }

    // Reached and upheld (the way into the door cuts its jamb by less than the explorer's grid, which the validator notes
    // and allows).
    private static void AssertFinished(ExplorationResult result)
    {
        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.True(result.Validation!.Upholds);
    }

    private static ExplorationResult Explore(int seed)
    {
        var level = HandMadeRuns.Read(Textmap());
        return Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { Skill = 3, Seed = seed, PositionInterval = 1 });
    }

    // Hub 0 (x 0-128, y 0-128), west arm 1, east arm 2 (40 units each), door 3 (tag 7, open: ceiling 124, as a door
    // opens) north of the hub, exit room 4 past a walk-over exit on the door's far side (wider to the west: the grid's
    // 64-unit blocks then fall alike on both arms), and south of the hub the start room 6 behind its door 5 (tag 9).
    private static string Textmap()
    {
        (int, int)[] vertices =
        [
            (0, 0), (128, 0), (128, 32), (128, 96), (128, 128), (96, 128), (32, 128), (0, 128), (0, 96), (0, 32),
            (-40, 32), (-40, 96), (168, 32), (168, 96), (32, 144), (96, 144), (-60, 208), (96, 208), (32, 0), (96, 0),
            (32, -16), (96, -16), (32, -80), (96, -80), (-60, 144),
        ];
        HandLine[] lines =
        [
            new(0, 9, 0),
            new(9, 8, 0, 1, 3, 7), // line 1: W1 door close and stay, into the west arm
            new(8, 7, 0),
            new(7, 6, 0),
            new(6, 5, 0, 3),
            new(5, 4, 0),
            new(4, 3, 0),
            new(3, 2, 0, 2, 2, 7), // line 7: W1 door open and stay, into the east arm
            new(2, 1, 0),
            new(1, 19, 0),
            new(19, 18, 0, 5, 3, 9), // line 10: W1 door close and stay, shuts the start room's door behind the player
            new(18, 0, 0),
            new(10, 11, 1),
            new(11, 8, 1),
            new(9, 10, 1),
            new(3, 13, 2),
            new(13, 12, 2),
            new(12, 2, 2),
            new(6, 14, 3),
            new(14, 15, 3, 4, 52),
            new(15, 5, 3),
            new(24, 16, 4),
            new(16, 17, 4),
            new(17, 15, 4),
            new(14, 24, 4),
            new(20, 18, 5),
            new(19, 21, 5),
            new(21, 20, 5, 6),
            new(22, 20, 6),
            new(21, 23, 6),
            new(23, 22, 6),
        ];

        // The player faces north, to neither arm, 8 units west of the middle: where the arms are a tie the seeds break.
        return HandMadeRuns.Textmap(vertices, lines, [(0, 128, 0), (0, 128, 0), (0, 128, 0), (0, 124, 7), (0, 128, 0), (0, 124, 9), (0, 128, 0)], (56, -48))
            .Replace("angle = 0; type = 1;", "angle = 90; type = 1;", StringComparison.Ordinal) +
            Bonus(-36, 64) + Bonus(164, 64);
    }

    // A health bonus at the far end of an arm: what draws the explorer there.
    private static string Bonus(int x, int y) =>
        $"thing {{ x = {x}.0; y = {y}.0; angle = 0; type = 2014; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n";
}
