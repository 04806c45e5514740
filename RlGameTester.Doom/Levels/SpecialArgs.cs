namespace RlGameTester.Doom.Levels;

/// <summary>The five arguments of a Hexen-format or UDMF special.</summary>
public readonly record struct SpecialArgs(int Arg0, int Arg1, int Arg2, int Arg3, int Arg4);
