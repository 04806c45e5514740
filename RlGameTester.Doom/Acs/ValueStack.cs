namespace RlGameTester.Doom.Acs;

/// <summary>What a value on a reading's stack comes from, for what a branch on it tests.</summary>
[Flags]
internal enum ValueSource
{
    /// <summary>A constant the code pushes (or a script variable or argument known to hold one).</summary>
    Constant = 0,

    /// <summary>A count of things (ThingCount and its kin), or what is computed from one and constants.</summary>
    ThingCount = 1,

    /// <summary>Anything else: a variable, an item the player holds, what an engine function returns.</summary>
    Unknown = 2,
}

/// <summary>
/// The stack a script's reading keeps: each value (null where a static reading does not know it) with where it comes
/// from. Popping an empty stack (dropped after an instruction the reading does not model) gives an unknown value.
/// </summary>
internal sealed class ValueStack
{
    private readonly Stack<(int? Value, ValueSource Source)> _slots = new();

    public void Push(int? value, ValueSource source = ValueSource.Constant) => _slots.Push((value, source));

    public (int? Value, ValueSource Source) Pop() => _slots.Count > 0 ? _slots.Pop() : (null, ValueSource.Unknown);

    /// <summary>The last n values pushed, first argument first.</summary>
    public int?[] PopValues(int n)
    {
        var values = new int?[n];
        for (var i = n - 1; i >= 0; i--)
        {
            values[i] = Pop().Value;
        }

        return values;
    }

    /// <summary>Pops n values and gives what they come from, together (an operation's result comes from all its operands).</summary>
    public ValueSource PopSources(int n)
    {
        var source = ValueSource.Constant;
        for (var i = 0; i < n; i++)
        {
            source |= Pop().Source;
        }

        return source;
    }

    public void Clear() => _slots.Clear();
}
