using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Finds a level lump whose bytes another lump also claims. Ports read such a directory (each entry is only an offset
/// and a size), but no map editor writes one, and it is how a small file makes the reader parse the same level bytes
/// thousands of times. Lumps outside levels may share bytes (tools that merge identical graphics do that).
/// </summary>
internal static class SharedBytes
{
    /// <exception cref="WadFormatException">A level lump shares bytes with another lump; the message names both.</exception>
    public static void Check(WadFile wad, IReadOnlyList<LevelEntry> levels)
    {
        // The levels' lumps, sorted by offset: any two that overlap are neighbours once the ones they span are passed.
        var owner = new Dictionary<int, string>();
        var spans = new List<WadLump>();
        foreach (var level in levels)
        {
            foreach (var lump in level.Lumps)
            {
                if (lump.Size > 0 && owner.TryAdd(lump.Index, level.Name))
                {
                    spans.Add(lump);
                }
            }
        }

        if (spans.Count == 0)
        {
            return;
        }

        spans.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Index.CompareTo(b.Index));
        var reach = spans[0];
        for (var i = 1; i < spans.Count; i++)
        {
            if (spans[i].Offset < End(reach))
            {
                throw Shared(reach, owner[reach.Index], spans[i], owner[spans[i].Index]);
            }

            // It starts at or past the furthest end so far (else it overlapped), so it reaches furthest now.
            reach = spans[i];
        }

        // Every other lump against the levels' (binary search over the sorted, now disjoint, spans).
        foreach (var lump in wad.Lumps)
        {
            if (lump.Size == 0 || owner.ContainsKey(lump.Index))
            {
                continue;
            }

            var k = LastStartingBefore(spans, End(lump));
            if (k >= 0 && End(spans[k]) > lump.Offset)
            {
                throw Shared(spans[k], owner[spans[k].Index], lump, null);
            }
        }
    }

    private static long End(WadLump lump) => (long)lump.Offset + lump.Size;

    // The last span that starts before the offset, or -1.
    private static int LastStartingBefore(List<WadLump> spans, long offset)
    {
        int low = 0, high = spans.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (spans[mid].Offset < offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }

    private static WadFormatException Shared(WadLump a, string level, WadLump b, string? otherLevel) =>
        new($"Lump {Describe(b, otherLevel)} shares bytes with lump {Describe(a, level)} (offsets {a.Offset} and {b.Offset}): " +
            "a level's lumps must hold bytes of their own.");

    private static string Describe(WadLump lump, string? level) =>
        level is null ? $"\"{lump.Name}\" (directory entry {lump.Index})" : $"{level} {lump.Name} (directory entry {lump.Index})";
}
