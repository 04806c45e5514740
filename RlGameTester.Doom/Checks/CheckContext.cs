using System.Globalization;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// What every check needs, computed once per level: the geometry (grid, point-in-sector), each thing's
/// sector, sectors by tag, moving sectors, each line's special description, the player's view; plus the
/// list findings are reported to.
/// </summary>
internal sealed class CheckContext
{
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, int> _countsByCheck = new(StringComparer.Ordinal);
    private int[]? _thingSectors;
    private Dictionary<int, List<int>>? _sectorsByTag;
    private Dictionary<int, List<int>>? _linesById;
    private bool[]? _movingSectors;
    private int[]? _thingRegions;
    private PlayerView? _view;
    private SourcePortFeatures? _portFeatures;
    private readonly LinedefSpecialInfo?[] _lineSpecials;

    public CheckContext(Level level, ResourceSet resources, LevelGeometry geometry, CheckOptions options)
    {
        Level = level;
        Resources = resources;
        Geometry = geometry;
        Options = options;
        _lineSpecials = new LinedefSpecialInfo?[level.Linedefs.Length];
        for (var i = 0; i < _lineSpecials.Length; i++)
        {
            var special = level.Linedefs[i].Special;
            if (special != 0)
            {
                _lineSpecials[i] = level.UsesDoomSpecials ? LinedefSpecials.FindDoom(special) : LinedefSpecials.FindHexen(special);
            }
        }
    }

    public Level Level { get; }

    public ResourceSet Resources { get; }

    public LevelGeometry Geometry { get; }

    public CheckOptions Options { get; }

    /// <summary>Binary Doom format: vanilla Doom's rules (and crashes) apply.</summary>
    public bool IsVanillaFormat => Level.Format == LevelFormat.Doom;

    /// <summary>The source-port features the level uses (none outside the binary Doom format, which has its own port).</summary>
    public SourcePortFeatures PortFeatures => _portFeatures ??= SourcePortFeatures.Of(Level, LineSpecial);

    /// <summary>
    /// The level is meant for vanilla Doom, whose crashes stop it: declared so (<see cref="CheckOptions.Compatibility"/>),
    /// or, when nothing is declared, a binary Doom-format level using no source-port feature.
    /// </summary>
    public bool TargetsVanilla => IsVanillaFormat && (Options.Compatibility is { } declared ? declared == CompatibilityLevel.Vanilla : !PortFeatures.Any);

    /// <summary>The region (sector piece) each thing stands in (-1 in the void).</summary>
    public int[] ThingRegions => _thingRegions ??= Level.Things.Select(t => Geometry.RegionAt(t.X, t.Y)).ToArray();

    /// <summary>The sector each thing stands in (-1 in the void).</summary>
    public int[] ThingSectors => _thingSectors ??= ThingRegions.Select(r => r < 0 ? -1 : Geometry.SectorOfRegion(r)).ToArray();

    /// <summary>The special of a line that teleports players (not the monster-only kinds): its tag, or null.</summary>
    public int? PlayerTeleportTag(int line) =>
        Level.UsesDoomSpecials && _lineSpecials[line] is { Effect: LineEffect.Teleport } &&
        Level.Linedefs[line].Special is not (125 or 126 or 268 or 269)
            ? Level.Linedefs[line].Tag
            : null;

    public Dictionary<int, List<int>> SectorsByTag => _sectorsByTag ??= LevelIndex.SectorsByTag(Level);

    public Dictionary<int, List<int>> LinesById => _linesById ??= LevelIndex.LinesById(Level);

    public LinedefSpecialInfo? LineSpecial(int line) => _lineSpecials[line];

    /// <summary>
    /// Sectors whose floor or ceiling some special can move: tagged by an action line (or a boss rule), or
    /// behind a manual door. In Hexen and UDMF levels every tagged sector and the sector behind every line with a
    /// special count, since specials name sectors through their arguments.
    /// </summary>
    public bool[] MovingSectors => _movingSectors ??= FindMovingSectors();

    /// <summary>Where players can be and what they can see (regions, reachability, visibility).</summary>
    public PlayerView View => _view ??= new PlayerView(this);

    public void Report(string check, FindingSeverity severity, string message, ElementKind element, int? index, double x, double y)
    {
        _countsByCheck.TryGetValue(check, out var count);
        _countsByCheck[check] = count + 1;
        if (count < Options.MaxFindingsPerCheck)
        {
            _findings.Add(new Finding(check, severity, message, element, index, Round(x), Round(y)));
        }
    }

    public void ReportLevel(string check, FindingSeverity severity, string message) =>
        Report(check, severity, message, ElementKind.Level, null, Geometry.Bounds.CenterX, Geometry.Bounds.CenterY);

    public void ReportLine(string check, FindingSeverity severity, int line, string message)
    {
        var (x, y) = Geometry.Midpoint(line);
        Report(check, severity, message, ElementKind.Line, line, x, y);
    }

    public void ReportThing(string check, FindingSeverity severity, int thing, string message)
    {
        var t = Level.Things[thing];
        Report(check, severity, message, ElementKind.Thing, thing, t.X, t.Y);
    }

    public void ReportSector(string check, FindingSeverity severity, int sector, string message)
    {
        var (x, y) = Geometry.EdgesOfSector(sector).Length > 0
            ? Metadata.ExitFinder.PointInside(Geometry, sector)
            : (Geometry.Bounds.CenterX, Geometry.Bounds.CenterY);
        Report(check, severity, message, ElementKind.Sector, sector, x, y);
    }

    /// <summary>The findings, with a summary for each check that went over the cap, most severe first.</summary>
    public List<Finding> Complete()
    {
        foreach (var (check, count) in _countsByCheck)
        {
            if (count > Options.MaxFindingsPerCheck)
            {
                _findings.Add(new Finding(
                    CheckNames.FindingsOmitted,
                    FindingSeverity.Info,
                    $"{count - Options.MaxFindingsPerCheck} more \"{check}\" findings were left out of this report ({count} in all).",
                    ElementKind.Level,
                    null,
                    Round(Geometry.Bounds.CenterX),
                    Round(Geometry.Bounds.CenterY)));
            }
        }

        return [.. _findings
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Check, StringComparer.Ordinal)
            .ThenBy(f => f.Index ?? -1)];
    }

    public string DescribeThing(int index)
    {
        var type = Level.Things[index].Type;
        var name = ThingTypes.Find(type)?.Name ?? $"thing type {type}";
        return $"{name} (thing {index})";
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 2);

    private bool[] FindMovingSectors()
    {
        var moving = new bool[Level.Sectors.Length];
        void MarkTag(int tag)
        {
            if (tag != 0 && SectorsByTag.TryGetValue(tag, out var sectors))
            {
                sectors.ForEach(s => moving[s] = true);
            }
        }

        for (var i = 0; i < Level.Linedefs.Length; i++)
        {
            var line = Level.Linedefs[i];
            if (line.Special == 0)
            {
                continue;
            }

            if (!Level.UsesDoomSpecials || _lineSpecials[i] is { Trigger: LineTrigger.Door })
            {
                if (line.BackSide >= 0)
                {
                    moving[Level.Sidedefs[line.BackSide].Sector] = true;
                }
            }

            if (Level.UsesDoomSpecials && _lineSpecials[i] is { TagsSectors: true, MovesSectors: true })
            {
                MarkTag(line.Tag);
            }
        }

        if (Level.UsesDoomSpecials)
        {
            foreach (var action in BossDeathActions.For(Level))
            {
                if (action.Tag is { } tag)
                {
                    MarkTag(tag);
                }
            }
        }
        else
        {
            for (var s = 0; s < moving.Length; s++)
            {
                moving[s] |= Level.Sectors[s].Tag != 0;
            }
        }

        return moving;
    }

}
