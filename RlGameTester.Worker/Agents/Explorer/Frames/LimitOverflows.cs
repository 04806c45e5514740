using System.Globalization;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Worker.Agents.Explorer.Frames;

/// <summary>
/// Gathers the views of a path that pass one of vanilla Doom's renderer limits and files one finding per limit per
/// place: views within <see cref="ClusterRadius"/> map units of a place already found join it, and the place is told by
/// its worst view (count, position, angle, tick). A level that passes a limit all over (freedoom2's MAP12, made for
/// limit-removing ports, passes visplanes at 24 places 256 units apart) gets its <see cref="MaxPlacesPerLimit"/> worst
/// places per limit, the last of them saying how many more there were: one defect to fix, not a page of copies.
/// </summary>
internal sealed class LimitOverflows
{
    /// <summary>About a room's width: one overflow seen from a few steps along a corridor is one defect.</summary>
    public const double ClusterRadius = 512;

    /// <summary>Places filed per limit at most, the worst first.</summary>
    public const int MaxPlacesPerLimit = 5;

    private readonly List<Place> _places = [];

    /// <summary>Places found, before the cap per limit.</summary>
    public int Count => _places.Count;

    public void Add(int tick, ViewPoint view, RenderStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        Add(Limit.Visplanes, statistics.Visplanes, tick, view);
        Add(Limit.DrawSegs, statistics.DrawSegs, tick, view);
        Add(Limit.VisSprites, statistics.VisSprites, tick, view);
        Add(Limit.Openings, statistics.Openings, tick, view);
        Add(Limit.SolidSegs, statistics.SolidSegs, tick, view);
    }

    /// <summary>The findings in tick order of their worst view.</summary>
    public IReadOnlyList<(int Tick, AgentFinding Finding)> Findings() =>
    [
        .. _places.GroupBy(p => p.Limit)
            .SelectMany(g =>
            {
                var worst = g.OrderByDescending(p => p.Worst.Count).ThenBy(p => p.Tick).ToList();
                return worst.Take(MaxPlacesPerLimit).Select((p, i) => (p.Tick, p.ToFinding(i == MaxPlacesPerLimit - 1 ? worst.Count - MaxPlacesPerLimit : 0)));
            })
            .OrderBy(f => f.Tick),
    ];

    private void Add(Limit limit, LimitUse use, int tick, ViewPoint view)
    {
        if (!use.Overflowed)
        {
            return;
        }

        foreach (var place in _places)
        {
            if (place.Limit == limit && Math.Abs(place.X - view.X) <= ClusterRadius && Math.Abs(place.Y - view.Y) <= ClusterRadius
                && Math.Pow(place.X - view.X, 2) + Math.Pow(place.Y - view.Y, 2) <= ClusterRadius * ClusterRadius)
            {
                place.Join(use, tick, view);
                return;
            }
        }

        _places.Add(new Place(limit, use, tick, view));
    }

    private enum Limit
    {
        Visplanes,
        DrawSegs,
        VisSprites,
        Openings,
        SolidSegs,
    }

    /// <summary>One limit passed around one place; kept at its worst view, the first place's centre fixed.</summary>
    private sealed class Place(Limit limit, LimitUse use, int tick, ViewPoint view)
    {
        public Limit Limit { get; } = limit;

        public double X { get; } = view.X;

        public double Y { get; } = view.Y;

        public int Tick { get; private set; } = tick;

        private ViewPoint _worstView = view;
        private int _views = 1;

        public LimitUse Worst { get; private set; } = use;

        public void Join(LimitUse use, int tick, ViewPoint view)
        {
            _views++;
            if (use.Count > Worst.Count)
            {
                Worst = use;
                _worstView = view;
                Tick = tick;
            }
        }

        /// <param name="morePlaces">Places of the same limit left out past the cap, told in this one's description.</param>
        public AgentFinding ToFinding(int morePlaces)
        {
            var more = morePlaces > 0 ? string.Create(CultureInfo.InvariantCulture, $" The path passes it at {morePlaces} more place(s) not filed separately.") : "";
            var (name, constant, effect, severity) = Describe(Limit);
            var at = string.Create(CultureInfo.InvariantCulture, $"({_worstView.X:0}, {_worstView.Y:0}) facing {_worstView.Angle:0}°");
            return new AgentFinding
            {
                Type = BugType.RenderLimit,
                Severity = severity,
                Check = "explorer-vanilla-" + name.Replace(' ', '-'),
                Title = string.Create(CultureInfo.InvariantCulture, $"{Worst.Count} {name} at {at}: vanilla Doom's limit is {Worst.Limit}"),
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"The view from {at}, where the explorer walked, needs {Worst.Count} {name}; vanilla Doom has room for {Worst.Limit} ({constant}) and {effect}. {_views} view(s) of the path here passed it.{more} Boom and later ports raise this limit: it matters only because the level is meant for vanilla."),
                X = Math.Round(_worstView.X, 1),
                Y = Math.Round(_worstView.Y, 1),
                Evidence = new Dictionary<string, string>
                {
                    ["limit"] = name,
                    ["count"] = Worst.Count.ToString(CultureInfo.InvariantCulture),
                    ["vanilla_limit"] = Worst.Limit.ToString(CultureInfo.InvariantCulture),
                    ["angle"] = _worstView.Angle.ToString("0", CultureInfo.InvariantCulture),
                    ["tick"] = Tick.ToString(CultureInfo.InvariantCulture),
                    ["views"] = _views.ToString(CultureInfo.InvariantCulture),
                    ["more_places"] = morePlaces.ToString(CultureInfo.InvariantCulture),
                },
            };
        }

        /// <summary>
        /// What vanilla does past each limit (chocolate-doom's r_plane, r_segs, r_things, r_bsp): R_FindPlane quits with
        /// "no more visplanes", a crash the explorer's walk proves; openings and solid segs overrun their arrays, memory
        /// corruption that may crash; extra drawsegs and vissprites are dropped, walls and sprites missing from the view.
        /// </summary>
        private static (string Name, string Constant, string Effect, BugSeverity Severity) Describe(Limit limit) => limit switch
        {
            Limit.Visplanes => ("visplanes", "MAXVISPLANES", "quits with \"R_FindPlane: no more visplanes\"", BugSeverity.Critical),
            Limit.Openings => ("openings", "MAXOPENINGS", "overruns its openings array, corrupting memory (a crash or garbage on screen)", BugSeverity.Major),
            Limit.SolidSegs => ("solid segs", "MAXSEGS", "overruns its solid-segs array, corrupting memory (a crash or garbage on screen)", BugSeverity.Major),
            Limit.DrawSegs => ("drawsegs", "MAXDRAWSEGS", "drops the walls past it (missing walls, hall-of-mirrors smears)", BugSeverity.Minor),
            _ => ("vissprites", "MAXVISSPRITES", "drops the sprites past it (things vanish)", BugSeverity.Minor),
        };
    }
}
