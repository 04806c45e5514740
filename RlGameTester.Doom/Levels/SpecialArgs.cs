namespace RlGameTester.Doom.Levels;

/// <summary>The five arguments of a Hexen-format or UDMF special.</summary>
public readonly record struct SpecialArgs(int Arg0, int Arg1, int Arg2, int Arg3, int Arg4)
{
    public int this[int index] => index switch
    {
        0 => Arg0,
        1 => Arg1,
        2 => Arg2,
        3 => Arg3,
        4 => Arg4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A special has arguments 0 to 4."),
    };
}
