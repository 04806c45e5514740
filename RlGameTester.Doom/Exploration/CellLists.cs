namespace RlGameTester.Doom.Exploration;

/// <summary>A list of values per grid cell, stored compactly (one offsets array, one flat value array).</summary>
internal sealed class CellLists
{
    private readonly int[] start;
    private readonly int[] values;

    public CellLists(int cellCount, List<(int Cell, int Value)> pairs)
    {
        start = new int[cellCount + 1];
        foreach (var (cell, _) in pairs)
        {
            start[cell + 1]++;
        }

        for (var i = 0; i < cellCount; i++)
        {
            start[i + 1] += start[i];
        }

        values = new int[pairs.Count];
        var fill = (int[])start.Clone();
        foreach (var (cell, value) in pairs)
        {
            values[fill[cell]++] = value;
        }
    }

    public ReadOnlySpan<int> this[int cell] => values.AsSpan(start[cell], start[cell + 1] - start[cell]);

    public bool Any(int cell) => start[cell + 1] != start[cell];
}
