namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Which of the path's position samples get a frame: one every so many tics, thinned evenly to a cap. Shared by the
/// Worker (which renders them) and the frame evaluation (which checks the same frames).
/// </summary>
public static class FrameTicks
{
    /// <summary>
    /// The first sample on or after each step of <paramref name="every"/> tics from the last one taken; when that is more
    /// than <paramref name="max"/>, every n-th of them, spread over the whole path (so a long run still shows its end).
    /// </summary>
    public static IReadOnlyList<int> Choose(IEnumerable<int> positionTicks, int every, int max)
    {
        ArgumentNullException.ThrowIfNull(positionTicks);
        if (every <= 0 || max <= 0)
        {
            return [];
        }

        var taken = new List<int>();
        var next = int.MinValue;
        foreach (var tick in positionTicks)
        {
            if (tick >= next)
            {
                taken.Add(tick);
                next = tick + every;
            }
        }

        if (taken.Count <= max)
        {
            return taken;
        }

        var thinned = new int[max];
        for (var i = 0; i < max; i++)
        {
            thinned[i] = taken[(int)((long)i * taken.Count / max)];
        }

        return thinned;
    }
}
