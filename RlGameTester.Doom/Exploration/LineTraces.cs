using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Whether a use or a shot from a cell reaches a line, as Doom traces them under the current sector heights: a use
/// (PTR_UseTraverse) stops at a one-sided line, at a two-sided line whose opening is closed, and at another special line
/// the port hands the use to instead (<see cref="UseTraces"/>) unless it is a one-shot line already set off (Doom has
/// cleared its special), and at a line that blocks use (ZDoom's blockuse); a shot
/// (PTR_ShootTraverse) stops at one-sided lines and closed openings. The body may face any way, so some point of the
/// line within reach is enough. Results are kept until a sector moves or a line is spent.
/// </summary>
internal sealed class LineTraces
{
    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly Dictionary<(int Cell, int Line), (int Version, int Spent, bool Clear)> _known = [];
    private readonly List<int> _cells = [];

    public LineTraces(LevelModel model, LevelState state)
    {
        _model = model;
        _state = state;
    }

    public bool CanUse(int cell, int line) => Reaches(cell, line, LevelModel.UseRange, use: true);

    public bool CanShoot(int cell, int line) => Reaches(cell, line, LevelModel.GunRange, use: false);

    private bool Reaches(int cell, int line, double range, bool use)
    {
        var key = (use ? cell : ~cell, line);
        if (_known.TryGetValue(key, out var known) && known.Version == _state.HeightsVersion && known.Spent == _state.SpentVersion)
        {
            return known.Clear;
        }

        var clear = false;
        var grid = _model.Grid;
        double px = grid.X(cell), py = grid.Y(cell);
        foreach (var (qx, qy) in TraceLines.Aims(_model.Geometry, px, py, line, range))
        {
            if (Clear(px, py, qx, qy, line, use))
            {
                clear = true;
                break;
            }
        }

        _known[key] = (_state.HeightsVersion, _state.SpentVersion, clear);
        return clear;
    }

    private bool Clear(double px, double py, double qx, double qy, int target, bool use)
    {
        var level = _model.Level;
        var heights = _state.Heights;
        return TraceLines.Clear(_model.Geometry, px, py, qx, qy, target, _cells, line =>
            (use && ((!_state.Spent[line] && UseTraces.StopAtSpecial(level, level.Linedefs.ItemRef(line))) || level.Linedefs.ItemRef(line).BlocksUse)) ||
            TraceLines.Shut(level, line, heights.Ceiling, heights.FloorHigh));
    }
}
