using System.Collections.Concurrent;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Explorer runs of the shipped levels with a position at every tic (skill 3, seed 0), made once and shared by the
/// validation tests, and the edits that doctor a run or a level.
/// </summary>
internal static class ValidationFixtures
{
    public const int Skill = 3;

    private static readonly ConcurrentDictionary<string, Lazy<ValidatedRun>> Runs = new();

    public static WadFile Wad(string name) => name == "freedoom1" ? Fixtures.Freedoom1 : Fixtures.Freedoom2;

    /// <summary>The level's explorer run and its verdict.</summary>
    public static ValidatedRun Run(string wad, string level) =>
        Runs.GetOrAdd($"{wad}/{level}", _ => new Lazy<ValidatedRun>(() => Create(wad, level))).Value;

    public static TrajectoryVerdict Validate(Level level, IReadOnlyList<ExplorerEvent> events) =>
        TrajectoryValidator.Validate(level, new LevelGeometry(level), events, Skill);

    /// <summary>The events up to and including the tic.</summary>
    public static List<ExplorerEvent> Until(IReadOnlyList<ExplorerEvent> events, int lastTick) =>
        events.Where(e => e.Tick <= lastTick).ToList();

    public static ExplorerEvent Position(IReadOnlyList<ExplorerEvent> events, int tick) =>
        events.First(e => e.Kind == ExplorerEventKind.Position && e.Tick == tick);

    /// <summary>The events with the Position at the tic moved to (x, y).</summary>
    public static List<ExplorerEvent> WithPosition(IReadOnlyList<ExplorerEvent> events, int tick, double x, double y) =>
        events.Select(e => e.Kind == ExplorerEventKind.Position && e.Tick == tick ? e with { X = x, Y = y } : e).ToList();

    /// <summary>A copy of the level (through its records) with one sector changed.</summary>
    public static Level WithSector(Level level, int sector, Func<Sector, Sector> change) => new(
        level.Name,
        level.Format,
        level.UdmfNamespace,
        level.Things,
        level.Linedefs,
        level.Sidedefs,
        level.Vertices,
        level.Sectors.SetItem(sector, change(level.Sectors[sector])),
        level.HasScripts,
        level.UsesDoomSpecials,
        level.ReadProblems);

    /// <summary>The violations of the doctored verdict that the untouched one does not have (same rule, tic and element).</summary>
    public static List<TrajectoryViolation> Added(TrajectoryVerdict untouched, TrajectoryVerdict doctored) =>
        doctored.Violations
            .Where(v => !untouched.Violations.Any(u => (u.Rule, u.Tick, u.ElementIndex) == (v.Rule, v.Tick, v.ElementIndex)))
            .ToList();

    /// <summary>A copy of the level (through its records) with its things changed.</summary>
    public static Level WithThings(Level level, Func<Thing, Thing> change) => new(
        level.Name,
        level.Format,
        level.UdmfNamespace,
        [.. level.Things.Select(change)],
        level.Linedefs,
        level.Sidedefs,
        level.Vertices,
        level.Sectors,
        level.HasScripts,
        level.UsesDoomSpecials,
        level.ReadProblems);

    public static double DistanceToLine(LevelGeometry geometry, int line, double x, double y)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        double dx = x2 - x1, dy = y2 - y1;
        var f = Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        return Math.Sqrt(Math.Pow(x1 + (f * dx) - x, 2) + Math.Pow(y1 + (f * dy) - y, 2));
    }

    private static ValidatedRun Create(string wad, string name)
    {
        var level = LevelReader.Read(Wad(wad), name);
        var geometry = new LevelGeometry(level);
        var result = Explorer.Explore(level, geometry, new ExplorerOptions { Skill = Skill, Seed = 0, PositionInterval = 1 });
        var verdict = TrajectoryValidator.Validate(level, geometry, result.Events, Skill);
        return new ValidatedRun(level, geometry, result, verdict);
    }
}
