using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The part of the body's momentum Boom's carrying scrollers give it, replayed as Doom does it (p_spec.c
/// P_SpawnScrollers and T_Scroll, p_mobj.c P_XYMovement). Linedef 252 (carry) and 253 (scroll and carry) push every
/// thing on the floor of each sector tagged like the line, each tic, by (line dx &gt;&gt; 5) * CARRYFACTOR (0x1800,
/// 3/32) in fixed point; a sector with several such lines gets every push, and a body gets the push of every sector its
/// box touches whose floor its feet are on (or under). The push lands after the body's move and moves it the next
/// tic; ground friction (0xE800) takes its share of the momentum after each move, air friction none. What is left of a
/// move once this part is taken off is the player's own thrust.
/// </summary>
internal sealed class ConveyorPush
{
    private const int CarryFactor = 0x1800;
    private const double GroundFriction = 0xE800 / 65536.0;

    // Fixed-point push per tic for each sector (0 for sectors no scroller carries).
    private readonly int[] _pushX;
    private readonly int[] _pushY;
    private readonly SectorPlanes _planes;

    public ConveyorPush(Level level, SectorPlanes planes)
    {
        _planes = planes;
        _pushX = new int[level.Sectors.Length];
        _pushY = new int[level.Sectors.Length];
        if (!level.UsesDoomSpecials)
        {
            return;
        }

        foreach (var line in level.Linedefs)
        {
            if (line.Special is not (252 or 253) || line.Tag == 0)
            {
                continue;
            }

            var start = level.Vertices[line.Start];
            var end = level.Vertices[line.End];
            var pushX = FixedMul(ToFixed(end.X - start.X) >> 5, CarryFactor);
            var pushY = FixedMul(ToFixed(end.Y - start.Y) >> 5, CarryFactor);
            for (var s = 0; s < level.Sectors.Length; s++)
            {
                if (level.Sectors[s].Tag == line.Tag)
                {
                    _pushX[s] += pushX;
                    _pushY[s] += pushY;
                    Any |= pushX != 0 || pushY != 0;
                }
            }
        }
    }

    /// <summary>The level has a floor that carries.</summary>
    public bool Any { get; }

    /// <summary>The carried part of the body's next move, map units a tic.</summary>
    public double X { get; private set; }

    /// <summary>The carried part of the body's next move, map units a tic.</summary>
    public double Y { get; private set; }

    /// <summary>Spawns and teleports leave the body without momentum.</summary>
    public void Stop()
    {
        X = 0;
        Y = 0;
    }

    /// <summary>After the tic's move: friction if the feet are on the ground, then the push of the floors under the box.</summary>
    public void AfterMove(Placement here, HeightRange feet, bool airborne)
    {
        if (!Any)
        {
            return;
        }

        if (!airborne)
        {
            X *= GroundFriction;
            Y *= GroundFriction;
        }

        foreach (var sector in here.Sectors)
        {
            // T_Scroll skips a thing whose feet are above the sector's floor.
            if ((_pushX[sector] != 0 || _pushY[sector] != 0) && feet.Low <= _planes.Floor(sector).High + 1e-6)
            {
                X += _pushX[sector] / 65536.0;
                Y += _pushY[sector] / 65536.0;
            }
        }
    }

    private static int ToFixed(double units) => (int)Math.Round(units * 65536);

    private static int FixedMul(int a, int b) => (int)(((long)a * b) >> 16);
}
