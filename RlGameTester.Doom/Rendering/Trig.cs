namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Doom's binary angles (a full turn is 2^32) and its fine trigonometry tables (8192 steps a turn). Vanilla ships the
/// tables as data; they are computed here from the formulas its commented-out initialiser gives, which reproduce them.
/// </summary>
internal static class Trig
{
    public const uint Ang45 = 0x20000000;
    public const uint Ang90 = 0x40000000;
    public const uint Ang180 = 0x80000000;
    public const uint Ang270 = 0xC0000000;
    public const int FineAngles = 8192;
    public const int FineMask = FineAngles - 1;
    public const int AngleToFineShift = 19;
    public const int SlopeRange = 2048;
    private const int SlopeBits = 11;
    private const int DBits = Fixed.FracBits - SlopeBits;

    /// <summary>Sine, with room for the cosine a quarter turn on (<see cref="FineCosine"/>).</summary>
    public static readonly int[] FineSine = BuildSine();

    /// <summary>
    /// Tangent over the half turn from -90 to +90 degrees, followed by the sine table: vanilla lays the two arrays out
    /// one after the other, and a wall seen almost edge-on asks for an angle past the tangent's end, which reads on into
    /// the sine. Reading the same values keeps those columns as vanilla draws them instead of failing.
    /// </summary>
    public static readonly int[] FineTangent = [.. BuildTangent(), .. FineSine];

    /// <summary>The binary angle of each slope 0..1 in <see cref="SlopeRange"/> steps.</summary>
    public static readonly uint[] TanToAngle = BuildTanToAngle();

    public static int FineCosine(int fine) => FineSine[fine + (FineAngles / 4)];

    public static int Sine(uint angle) => FineSine[angle >> AngleToFineShift];

    public static int Cosine(uint angle) => FineSine[(angle >> AngleToFineShift) + (FineAngles / 4)];

    /// <summary>Degrees (counter-clockwise from east, as Doom's map angles) to a binary angle.</summary>
    public static uint FromDegrees(double degrees)
    {
        var turns = degrees / 360.0;
        turns -= Math.Floor(turns);
        return (uint)(ulong)Math.Round(turns * 4294967296.0);
    }

    /// <summary>The angle of the vector (dx, dy), by octant and slope table as R_PointToAngle finds it.</summary>
    public static uint PointToAngle(int dx, int dy)
    {
        if (dx == 0 && dy == 0)
        {
            return 0;
        }

        if (dx >= 0)
        {
            if (dy >= 0)
            {
                return dx > dy ? TanToAngle[SlopeDiv((uint)dy, (uint)dx)] : Ang90 - 1 - TanToAngle[SlopeDiv((uint)dx, (uint)dy)];
            }

            var ny = (uint)-(long)dy;
            return (uint)dx > ny ? 0u - TanToAngle[SlopeDiv(ny, (uint)dx)] : Ang270 + TanToAngle[SlopeDiv((uint)dx, ny)];
        }

        var nx = (uint)-(long)dx;
        if (dy >= 0)
        {
            return nx > (uint)dy ? Ang180 - 1 - TanToAngle[SlopeDiv((uint)dy, nx)] : Ang90 + TanToAngle[SlopeDiv(nx, (uint)dy)];
        }

        var my = (uint)-(long)dy;
        return nx > my ? Ang180 + TanToAngle[SlopeDiv(my, nx)] : Ang270 - 1 - TanToAngle[SlopeDiv(nx, my)];
    }

    /// <summary>The distance to (dx, dy) from its larger component and angle, as R_PointToDist finds it.</summary>
    public static int PointToDistance(int dx, int dy)
    {
        var ax = Fixed.Abs(dx);
        var ay = Fixed.Abs(dy);
        if (ay > ax)
        {
            (ax, ay) = (ay, ax);
        }

        // A zero distance would divide by zero in vanilla (chocolate-doom guards it the same way).
        if (ax == 0)
        {
            return 0;
        }

        // Coordinates 32768 units apart or more overflow, as in vanilla; the slope is kept inside its table.
        var slope = Math.Min((uint)Fixed.Div(ay, ax) >> DBits, SlopeRange);
        var angle = (TanToAngle[slope] + Ang90) >> AngleToFineShift;
        return Fixed.Div(ax, FineSine[angle]);
    }

    private static int SlopeDiv(uint num, uint den)
    {
        if (den < 512)
        {
            return SlopeRange;
        }

        var answer = (num << 3) / (den >> 8);
        return answer <= SlopeRange ? (int)answer : SlopeRange;
    }

    private static int[] BuildSine()
    {
        var table = new int[5 * FineAngles / 4];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (int)(Fixed.FracUnit * Math.Sin((i + 0.5) * Math.PI * 2 / FineAngles));
        }

        return table;
    }

    private static int[] BuildTangent()
    {
        var table = new int[FineAngles / 2];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (int)(Fixed.FracUnit * Math.Tan((i - (FineAngles / 4) + 0.5) * Math.PI * 2 / FineAngles));
        }

        return table;
    }

    private static uint[] BuildTanToAngle()
    {
        var table = new uint[SlopeRange + 1];
        for (var i = 0; i <= SlopeRange; i++)
        {
            table[i] = (uint)(Math.Atan(i / (double)SlopeRange) / (Math.PI * 2) * 4294967296.0);
        }

        return table;
    }
}
