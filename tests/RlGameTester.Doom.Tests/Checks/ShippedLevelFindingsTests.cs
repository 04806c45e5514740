using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Checks;

/// <summary>
/// The checks run on every shipped freedoom level (0.12.1, Debian's package). A false alarm on a shipped level
/// is a bug in the check; the critical and major findings below were each looked at in the level's data and
/// are real. Anything new or missing means a check changed behaviour: review the difference.
/// </summary>
public sealed class ShippedLevelFindingsTests
{
    // Kinds of finding that would make a shipped IWAD level unplayable or that its engine refuses:
    // none may appear on any freedoom level.
    private static readonly string[] KindsThatCannotBeTrueOnShippedLevels =
    [
        CheckNames.MissingPlayer1Start, CheckNames.LineWithoutSides, CheckNames.LineMissingFront,
        CheckNames.UnknownTexture, CheckNames.UnknownFlat, CheckNames.MissingFlat, CheckNames.TextureMissingPatch,
        CheckNames.UnclosedSector, CheckNames.UnknownSectorSpecial, CheckNames.UnknownLineAction, CheckNames.MapTooBig,
        CheckNames.ZeroLengthLine, CheckNames.LevelHasNoExit, CheckNames.KeyMissingOnSkill,
        CheckNames.TeleportWithoutDestination, CheckNames.BossTagWithoutBoss, CheckNames.ThingStuckInWall,
        CheckNames.FindingsOmitted,
    ];

    // Every critical and major finding other than missing textures, with what the level data shows.
    private static readonly Dictionary<string, string> ReviewedFindings = new()
    {
        ["E1M6 action-line-tag-unmatched line 2701"] = "WR fast door close aimed at tag 16; no sector carries tag 16.",
        ["E2M1 action-line-tag-unmatched line 417"] = "One of eight W1 fast door closes aimed at tag 18, which no sector carries.",
        ["E2M1 action-line-tag-unmatched line 429"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 430"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 431"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 432"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 433"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 434"] = "As line 417.",
        ["E2M1 action-line-tag-unmatched line 551"] = "As line 417.",
        ["E3M4 action-line-tag-unmatched line 99"] = "W1 fast crusher aimed at tag 15, which no sector carries.",
        ["E3M4 things-overlapping thing 104"] = "An imp and a demon at the same spot (1848, -6784), both on easy.",
        ["E3M4 things-overlapping thing 371"] = "Former human 16 units from a former sergeant, both on medium.",
        ["E3M4 things-overlapping thing 373"] = "Former human 16 units from a former sergeant, both on medium.",
        ["E3M6 degenerate-sector sector 110"] = "Sector 110 is two lines between the same two vertices: no area.",
        ["E3M6 overlapping-lines line 863"] = "Line 863 runs between the same vertices as line 845 (the sliver above).",
        ["E3M7 action-line-tag-unmatched line 448"] = "W1 crusher stop aimed at tag 18, which no sector carries.",
        ["E3M7 thing-outside-map thing 163"] = "A hard-skill cacodemon at (10880, 24608), far outside the map's box.",
        ["E3M7 two-sided-flag-without-back line 2306"] = "Flags 0x5 (impassable, two-sided) on a line with only a front side.",
        ["E3M9 action-line-without-tag line 445"] = "S1 platform raise (special 15) with tag 0.",
        ["E3M9 action-line-without-tag line 3301"] = "One of nine SR perpetual platform lines (Boom 181) around a pillar, all with tag 0.",
        ["E3M9 action-line-without-tag line 3302"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3303"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3304"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3305"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3306"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3307"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3308"] = "As line 3301.",
        ["E3M9 action-line-without-tag line 3409"] = "As line 3301.",
        ["E4M1 action-line-tag-unmatched line 489"] = "W1 door open aimed at tag 2, which no sector carries.",
        ["MAP13 action-line-tag-unmatched line 1343"] = "WR teleport aimed at tag 999, which no sector carries.",
        ["MAP15 action-line-tag-unmatched line 3552"] = "W1 fast lift aimed at tag 33, which no sector carries.",
        ["MAP26 things-overlapping thing 2"] = "An imp and a former human at the same spot (-304, -576), both on easy.",
        ["MAP26 things-overlapping thing 9"] = "An imp and a former human at the same spot (160, -544), both on easy and medium.",
    };

    // Missing textures in plain view (major), per level: walls freedoom 0.12.1 leaves untextured, sampled and confirmed
    // in the level data (MAP18 line 101: the upper walls of a light shaft over a 256-high room; MAP17 line 217: a
    // 1024-high cavern beside a 368-high one; E4M7 line 173: a nukage pit 120 units below its neighbour; E3M4 line
    // 3884: a 4-unit step inside a door). Walls only a player inside a pit sees are minor; walls no player sees
    // (sealed control sectors, monster closets) are not reported.
    private static readonly Dictionary<string, int> MajorMissingTextures = new()
    {
        ["E1M7"] = 1, ["E2M1"] = 10, ["E2M2"] = 7, ["E2M3"] = 38, ["E2M4"] = 10, ["E2M5"] = 3, ["E2M6"] = 1, ["E2M9"] = 18,
        ["E3M4"] = 89, ["E3M6"] = 1, ["E3M7"] = 5, ["E4M1"] = 15, ["E4M3"] = 5, ["E4M4"] = 4, ["E4M5"] = 6, ["E4M6"] = 32,
        ["E4M7"] = 104, ["E4M8"] = 8, ["E4M9"] = 31,
        ["MAP06"] = 4, ["MAP12"] = 7, ["MAP14"] = 17, ["MAP15"] = 5, ["MAP17"] = 26, ["MAP18"] = 77, ["MAP19"] = 6,
        ["MAP20"] = 26, ["MAP25"] = 16, ["MAP26"] = 1, ["MAP31"] = 2,
    };

    private static readonly Lazy<List<(string Level, Finding Finding)>> AllFindings = new(() =>
    [
        .. Findings(Fixtures.Freedoom1),
        .. Findings(Fixtures.Freedoom2),
    ]);

    [Fact]
    public void NoShippedLevelHasAFindingOfAKindThatCannotBeTrueThere()
    {
        var impossible = AllFindings.Value
            .Where(f => KindsThatCannotBeTrueOnShippedLevels.Contains(f.Finding.Check))
            .Select(f => $"{f.Level} {f.Finding.Check} {f.Finding.Element} {f.Finding.Index}: {f.Finding.Message}")
            .ToList();

        Assert.Empty(impossible);
    }

    [Fact]
    public void TheCriticalAndMajorFindingsOnShippedLevelsAreTheReviewedOnes()
    {
        var found = AllFindings.Value
            .Where(f => f.Finding.Severity <= FindingSeverity.Major &&
                        f.Finding.Check is not (CheckNames.MissingTexture or CheckNames.MissingTextureAfterMove))
            .Select(f => Key(f.Level, f.Finding))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(ReviewedFindings.Keys.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void MAP26sDoorSpecialsOnItsDoorTrackWallsAreMinorBecauseTheLevelNeedsABoomPort()
    {
        // DR yellow door specials on the one-sided DOORTRAK walls of a door: vanilla would quit on a press with the
        // yellow key, but the level's Boom specials need a Boom-compatible port, which answers with a grunt.
        var doors = AllFindings.Value.Where(f => f is { Level: "MAP26", Finding.Check: CheckNames.DoorOnOneSidedLine }).ToList();

        Assert.Equal([949, 951], doors.Select(f => f.Finding.Index!.Value).Order());
        Assert.All(doors, f => Assert.Equal(FindingSeverity.Minor, f.Finding.Severity));
        Assert.Contains(AllFindings.Value, f => f is { Level: "MAP26", Finding.Check: CheckNames.RequiresSourcePort });
    }

    [Fact]
    public void MissingTexturesInPlainViewPerLevelAreTheReviewedCounts()
    {
        var counts = AllFindings.Value
            .Where(f => f.Finding.Severity == FindingSeverity.Major &&
                        f.Finding.Check is CheckNames.MissingTexture or CheckNames.MissingTextureAfterMove)
            .GroupBy(f => f.Level)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(MajorMissingTextures.OrderBy(kv => kv.Key, StringComparer.Ordinal), counts.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void ReviewedMissingTexturesAreFoundWhereTheLevelDataShowsThem()
    {
        Assert.Contains(AllFindings.Value, f => f is { Level: "MAP18", Finding: { Check: CheckNames.MissingTexture, Element: ElementKind.Side, Index: 141, Severity: FindingSeverity.Major } });
        Assert.Contains(AllFindings.Value, f => f is { Level: "MAP17", Finding: { Check: CheckNames.MissingTexture, Element: ElementKind.Side, Index: 334, Severity: FindingSeverity.Major } });
        Assert.Contains(AllFindings.Value, f => f is { Level: "E4M7", Finding: { Check: CheckNames.MissingTexture, Element: ElementKind.Side, Index: 249, Severity: FindingSeverity.Major } });
        Assert.Contains(AllFindings.Value, f => f is { Level: "E3M4", Finding: { Check: CheckNames.MissingTexture, Element: ElementKind.Side, Index: 5944, Severity: FindingSeverity.Major } });
    }

    [Fact]
    public void WallsOnlyMonsterClosetsSeeAreNotReported()
    {
        // MAP25's monster closets around (-800, 2100) have untextured walls no player can see: sidedef 353
        // faces a closet reached only through a non-contiguous sector and monster-only teleport lines.
        Assert.DoesNotContain(AllFindings.Value, f => f is { Level: "MAP25", Finding: { Check: CheckNames.MissingTexture, Index: 353 } });

        // MAP01's sealed sky pit (sector 72) is never drawn.
        Assert.DoesNotContain(AllFindings.Value, f => f is { Level: "MAP01", Finding: { Check: CheckNames.MissingTexture, Index: 1100 } });
    }

    [Fact]
    public void DoomBuilderCamerasLeftInLevelsAreMinorBecauseTheyNeverSpawn()
    {
        var cameras = AllFindings.Value.Where(f => f.Finding.Check == CheckNames.UnknownThingType).ToList();

        Assert.NotEmpty(cameras);
        Assert.All(cameras, f => Assert.Equal(FindingSeverity.Minor, f.Finding.Severity));
    }

    private static string Key(string level, Finding finding) =>
        $"{level} {finding.Check} {finding.Element.ToString().ToLowerInvariant()} {finding.Index}";

    private static IEnumerable<(string, Finding)> Findings(WadFile wad)
    {
        var resources = new ResourceSet([WadResources.From(wad)]);
        foreach (var level in Doom.Levels.LevelReader.ReadAll(wad))
        {
            foreach (var finding in LevelChecker.Check(level, resources))
            {
                yield return (level.Name, finding);
            }
        }
    }
}
