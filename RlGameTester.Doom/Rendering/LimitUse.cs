namespace RlGameTester.Doom.Rendering;

/// <summary>How much of one renderer limit a view used: the count (a peak where it rises and falls) and the limit.</summary>
public readonly record struct LimitUse(int Count, int Limit)
{
    public bool Overflowed => Count > Limit;
}
