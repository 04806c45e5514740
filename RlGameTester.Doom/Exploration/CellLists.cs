namespace RlGameTester.Doom.Exploration;

/// <summary>A list of values per grid cell, stored compactly (one offsets array, one flat value array).</summary>
internal sealed class CellLists
{
    private readonly int[] _start;
    private readonly int[] _values;

    public CellLists(int cellCount, List<(int Cell, int Value)> pairs)
    {
        _start = new int[cellCount + 1];
        foreach (var (cell, _) in pairs)
        {
            _start[cell + 1]++;
        }

        for (var i = 0; i < cellCount; i++)
        {
            _start[i + 1] += _start[i];
        }

        _values = new int[pairs.Count];
        var fill = (int[])_start.Clone();
        foreach (var (cell, value) in pairs)
        {
            _values[fill[cell]++] = value;
        }
    }

    public ReadOnlySpan<int> this[int cell] => _values.AsSpan(_start[cell], _start[cell + 1] - _start[cell]);
}
