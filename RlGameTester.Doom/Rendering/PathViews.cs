using RlGameTester.Doom.Exploration;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// The views an explored path is drawn from, as vanilla would show a player walking it: the position samples
/// <see cref="FrameTicks"/> chooses, the eye 41 over the body's floor bobbing with the speed (P_CalcHeight), and none
/// where the level as it starts differs under the body (a door the explorer opened, a lift it lowered: the scene draws
/// the level as it starts, so what the player saw there cannot be drawn; drawn anyway it was an empty view). Shared by
/// the Worker, which renders them, and the frame evaluation.
/// </summary>
public static class PathViews
{
    /// <summary>MAXBOB: the most a running player's view bobs, in map units (half of it up, half down).</summary>
    private const double MaxBob = 16;

    /// <summary>Tics of one bob cycle (FINEANGLES / 20 per tic).</summary>
    private const int BobPeriod = 20;

    /// <summary>A player's height: a sector lower than this as the level starts was opened by the explorer.</summary>
    private const int PlayerHeight = 56;

    /// <summary>
    /// The chosen views in tick order. The bob matters beyond looks: the explorer runs at exactly 16 units a tic, so 8
    /// tics are 128 units, a whole number of 64-unit flats and texture widths; without the bob a frame walking along a
    /// corridor showed its floor and side walls pixel for pixel as 8 tics before, which is what a stale Hall of Mirrors
    /// looks like. Vanilla's bob moves the eye between any two such frames (the phase moves 144 degrees).
    /// </summary>
    public static IReadOnlyList<(int Tick, ViewPoint View)> Choose(RenderScene scene, IReadOnlyList<ExplorerEvent> events, int every, int max)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(events);
        if (scene.SectorFloor.Length == 0)
        {
            return [];
        }

        var positions = events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var ticks = FrameTicks.Choose(positions.Select(p => p.Tick), every, max).ToHashSet();
        var views = new List<(int, ViewPoint)>(ticks.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (!ticks.Contains(p.Tick))
            {
                continue;
            }

            var sector = scene.SectorAt(p.X, p.Y);
            var floor = scene.SectorFloor[sector] / (double)Fixed.FracUnit;
            var ceiling = scene.SectorCeiling[sector] / (double)Fixed.FracUnit;
            // No room for a player (a door the explorer opened): the scene draws the level as it starts, closed there.
            if (ceiling - floor < PlayerHeight)
            {
                continue;
            }

            // The speed over the last sample's tics stands for the momentum (the explorer keeps none).
            var speed = 0.0;
            if (i > 0 && p.Tick > positions[i - 1].Tick)
            {
                var before = positions[i - 1];
                speed = Math.Sqrt(((p.X - before.X) * (p.X - before.X)) + ((p.Y - before.Y) * (p.Y - before.Y))) / (p.Tick - before.Tick);
            }

            var bob = Math.Min(MaxBob, speed * speed / 4) / 2 * Math.Sin(2 * Math.PI * p.Tick / BobPeriod);
            // The eye stands on the body's floor, as vanilla's view on the player's z (the highest floor it touches, which
            // on a step is not the sector's under its centre); below the scene's floor there (a lift the explorer lowered)
            // the level changed and cannot be drawn: the view was empty or one colour.
            var eye = Math.Min(ceiling - 4, p.Z + RenderScene.EyeHeight + bob);
            if (eye < floor + 4)
            {
                continue;
            }

            views.Add((p.Tick, new ViewPoint(p.X, p.Y, p.Angle, eye)));
        }

        return views;
    }
}
