namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Doom's 16.16 fixed-point arithmetic. The renderer works in it throughout, as vanilla does, so its rounding (and the
/// views it produces) are the same on every machine; C# integer arithmetic wraps like the C it follows.
/// </summary>
internal static class Fixed
{
    public const int FracBits = 16;
    public const int FracUnit = 1 << FracBits;

    /// <summary>C's abs: the most negative value stays as it is (Math.Abs would throw on it).</summary>
    public static int Abs(int value) => value < 0 ? -value : value;

    public static int Mul(int a, int b) => (int)(((long)a * b) >> FracBits);

    /// <summary>Division that saturates instead of overflowing, as vanilla's FixedDiv does.</summary>
    public static int Div(int a, int b)
    {
        if ((Math.Abs((long)a) >> 14) >= Math.Abs((long)b))
        {
            return (a ^ b) < 0 ? int.MinValue : int.MaxValue;
        }

        return (int)(((long)a << FracBits) / b);
    }

    /// <summary>Map units (fractions allowed, as UDMF stores them) to fixed point.</summary>
    public static int From(double units) => (int)Math.Round(units * FracUnit, MidpointRounding.AwayFromZero);
}
