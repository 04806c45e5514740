using System.Text;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// ZDoom's polyobjects at their start spots: a slab 8 units thick drawn in a closet far east of the map (lines 14-17,
/// Polyobj_StartLine on line 15) whose anchor and spawn spot put it across the middle of three rooms, between the start
/// room and a walk-over Exit_Normal. Until 2026-12-06 polyobjects stayed where they were drawn, so the slab was no
/// obstacle, and the exit behind a polyobject wall that nothing moves was "reached".
/// </summary>
public sealed class PolyobjectExplorationTests
{
    private const int WestWall = 0;
    private const int SlabFacingStart = 17;
    private const int SlabFirstLine = 14;

    [Fact]
    public void APolyobjectWallNothingMovesIsAWallAndTheExitIsProvenUnreachable()
    {
        var level = HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: null));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = ExitFinding(result);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        // The author's editor has no sector for the slab: the finding names the polyobject and its line.
        Assert.Contains($"polyobject 1 (line {SlabFirstLine})", finding.Title + finding.Description, StringComparison.Ordinal);
        Assert.DoesNotContain($"sector {level.Sectors.Length}", finding.Title + finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSlabIsPlacedAtItsSpotAsAClosedSectorBehindItsLines()
    {
        var level = HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: null));

        var placed = Polyobjects.Place(level, new LevelGeometry(level));

        Assert.Equal(1, placed.Count);
        var line = placed.Level.Linedefs[SlabFacingStart];
        var (start, end) = (placed.Level.Vertices[line.Start], placed.Level.Vertices[line.End]);
        Assert.Equal((156.0, 64.0, 156.0, 0.0), (start.X, start.Y, end.X, end.Y));
        Assert.Equal(1, placed.Level.Sidedefs[line.FrontSide].Sector);
        var slab = placed.Level.Sectors[placed.Level.Sidedefs[line.BackSide].Sector];
        Assert.Equal((0, 0), (slab.FloorHeight, slab.CeilingHeight));
        Assert.Equal(level.Sectors.Length, placed.Level.Sectors.Length - 1);
        // The start line's special is spent, as GZDoom clears it.
        Assert.Equal(0, placed.Level.Linedefs[15].Special);
        Assert.Equal(1, new LevelGeometry(placed.Level).SectorAt(166, 32));
        Assert.Equal(placed.Level.Sectors.Length - 1, new LevelGeometry(placed.Level).SectorAt(160, 32));
        Assert.Equal($"sector 40 beside polyobject 1 (line {SlabFirstLine})", placed.Name("sector 40 beside sector 4"));
    }

    [Fact]
    public void TheValidatorsWordsAboutAPolyobjectsSectorNameThePolyobject()
    {
        var level = HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: null));
        var placed = Polyobjects.Place(level, new LevelGeometry(level));
        var slab = level.Sectors.Length;
        var verdict = new TrajectoryVerdict
        {
            Violations = [new TrajectoryViolation(7, "headroom", 160, 32, $"only 0 units in sector {slab}") { ElementKind = ElementKind.Sector, ElementIndex = slab }],
            Assumptions = [$"door of sector {slab} (line 0) assumed to stay open"],
        };

        var named = new PolyobjectNames(placed).Of(verdict);

        var violation = Assert.Single(named.Violations);
        Assert.Equal($"only 0 units in polyobject 1 (line {SlabFirstLine})", violation.Message);
        Assert.Equal((ElementKind.Line, SlabFirstLine), (violation.ElementKind, violation.ElementIndex));
        Assert.Equal($"door of polyobject 1 (line {SlabFirstLine}) (line 0) assumed to stay open", Assert.Single(named.Assumptions));
    }

    [Fact]
    public void APolyobjectDrawnWhereItStartsStandsInTheSectorItsLinesFace()
    {
        // Its spot is inside its own one-sided lines, which point-in-sector reads as the void.
        var level = HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: null, drawnInPlace: true));

        var placed = Polyobjects.Place(level, new LevelGeometry(level));
        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal(1, placed.Count);
        Assert.Equal(1, placed.Level.Sidedefs[placed.Level.Linedefs[SlabFacingStart].FrontSide].Sector);
        Assert.False(result.ExitReached);
        Assert.Equal(FindingSeverity.Critical, ExitFinding(result).Severity);
    }

    [Fact]
    public void APolyobjectOfExplicitLinesIsPlacedToo()
    {
        var level = HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: null, explicitLines: true));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.Equal(FindingSeverity.Critical, ExitFinding(result).Severity);
        Assert.All(Polyobjects.Place(level, new LevelGeometry(level)).Level.Linedefs, l => Assert.NotEqual(5, l.Special));
    }

    [Fact]
    public void ASlidingPolyobjectDoorIsUsedAndTheRunHolds()
    {
        // Polyobj_DoorSlide(1, speed 16, angle 64, distance 64, delay 105) on the slab's west face, used by the player.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(switchSpecial: null, slabSpecial: "special = 8; arg0 = 1; arg1 = 16; arg2 = 64; arg3 = 64; arg4 = 105; playeruse = true; repeatspecial = true;")));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: SlabFacingStart });
    }

    [Fact]
    public void ASwitchThatMovesThePolyobjectAwayOpensTheWay()
    {
        // Polyobj_Move(1, speed 16, angle 64: north, distance 128) on the start room's west wall.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(switchSpecial: "special = 4; arg0 = 1; arg1 = 16; arg2 = 64; arg3 = 128; playeruse = true;", slabSpecial: null)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: WestWall });
    }

    [Fact]
    public void ASwitchWhoseScriptSlidesThePolyobjectDoorOpensTheWay()
    {
        // ACS_Execute(3) on the west wall; script 3: pushnumber 1, 16, 64, 64, 105; lspec5 Polyobj_DoorSlide; terminate.
        var text = Textmap(switchSpecial: "special = 80; arg0 = 3; playeruse = true; repeatspecial = true;", slabSpecial: null);
        var level = LevelReader.Read(WadFile.Read(Behavior.Wad(text, Behavior.Acs0(3, AcsScriptKind.Closed, 0, [3, 1, 3, 16, 3, 64, 3, 64, 3, 105, 8, 8, 1]))), "MAP01");

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: WestWall });
    }

    [Fact]
    public void APolyobjectASwitchRotatesLeavesTheExitUndecided()
    {
        // Polyobj_RotateLeft(1, speed 16, angle 64) is not simulated: the slab stays, and nothing is proven.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(switchSpecial: "special = 2; arg0 = 1; arg1 = 16; arg2 = 64; playeruse = true;", slabSpecial: null)));

        Assert.False(result.ExitReached);
        var finding = ExitFinding(result);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("special not simulated", finding.Evidence["mechanic"]);
    }

    private static ExplorerFinding ExitFinding(ExplorationResult result) =>
        Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);

    // Three rooms 64 deep along x (start 0-128, middle 128-192, exit 192-256: line 2 is the walk-over exit), a closet at
    // x 1000-1100 holding the slab (x 1040-1048, y 0-64), its anchor in the slab and its spawn spot in the middle room.
    private static string Textmap(string? switchSpecial, string? slabSpecial, bool explicitLines = false, bool drawnInPlace = false)
    {
        // Drawn in place, the slab's lines stand across the middle room (they face it) and its anchor is on its spot.
        var (slabX, slabSector, anchorX) = drawnInPlace ? (156, 1, 160) : (1040, 3, 1044);

        // Polyobj_ExplicitLine(1, order) on each of the slab's lines instead of a start line's chain.
        string? Slab(int order, string? other) => explicitLines ? Invariant($"special = 5; arg0 = 1; arg1 = {order};") : other;

        (int X, int Y)[] vertices =
        [
            (0, 0), (128, 0), (192, 0), (256, 0), (0, 64), (128, 64), (192, 64), (256, 64),
            (1000, -64), (1100, -64), (1100, 128), (1000, 128),
            (slabX, 0), (slabX + 8, 0), (slabX + 8, 64), (slabX, 64),
        ];

        // V1, V2, front sector, back sector (-1: one-sided), what else the line says. Fronts are on the right.
        (int V1, int V2, int Front, int Back, string? Extra)[] lines =
        [
            (0, 4, 0, -1, switchSpecial),
            (5, 1, 0, 1, null),
            (6, 2, 1, 2, "special = 243; playercross = true;"),
            (7, 3, 2, -1, null),
            (1, 0, 0, -1, null), (2, 1, 1, -1, null), (3, 2, 2, -1, null),
            (4, 5, 0, -1, null), (5, 6, 1, -1, null), (6, 7, 2, -1, null),
            (8, 11, 3, -1, null), (11, 10, 3, -1, null), (10, 9, 3, -1, null), (9, 8, 3, -1, null),
            (12, 13, slabSector, -1, Slab(1, null)),
            (13, 14, slabSector, -1, Slab(2, "special = 1; arg0 = 1;")),
            (14, 15, slabSector, -1, Slab(3, null)),
            (15, 12, slabSector, -1, Slab(4, slabSpecial)),
        ];

        var text = new StringBuilder("namespace = \"zdoom\";\n");
        foreach (var (x, y) in vertices)
        {
            text.Append(Invariant($"vertex {{ x = {x}.0; y = {y}.0; }}\n"));
        }

        var sides = new List<int>();
        foreach (var (v1, v2, front, back, extra) in lines)
        {
            text.Append(Invariant($"linedef {{ v1 = {v1}; v2 = {v2}; sidefront = {sides.Count}; "));
            sides.Add(front);
            if (back >= 0)
            {
                text.Append(Invariant($"sideback = {sides.Count}; twosided = true; "));
                sides.Add(back);
            }
            else
            {
                text.Append("blocking = true; ");
            }

            text.Append(extra).Append(" }\n");
        }

        foreach (var sector in sides)
        {
            text.Append(Invariant($"sidedef {{ sector = {sector}; texturemiddle = \"STARTAN3\"; }}\n"));
        }

        for (var s = 0; s < 4; s++)
        {
            text.Append("sector { heightfloor = 0; heightceiling = 128; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 192; }\n");
        }

        foreach (var (x, y, type, angle) in ((int, int, int, int)[])[(32, 32, 1, 0), (anchorX, 32, 9300, 1), (160, 32, 9301, 1)])
        {
            text.Append(Invariant($"thing {{ x = {x}.0; y = {y}.0; angle = {angle}; type = {type}; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n"));
        }

        return text.ToString();
    }
}
