using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Finds the levels in a WAD. A level is a marker lump of any name followed directly by a level lump
/// (THINGS, LINEDEFS, ... or TEXTMAP); names such as ExMy and MAPxx are conventions, not requirements.
/// </summary>
public static class LevelDirectory
{
    internal static readonly HashSet<string> BinaryLumpNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "THINGS", "LINEDEFS", "SIDEDEFS", "VERTEXES", "SEGS", "SSECTORS", "NODES", "SECTORS", "REJECT",
        "BLOCKMAP", "BEHAVIOR", "SCRIPTS",
    };

    // A marker must be followed by one of the lumps every binary level has; BLOCKMAP or SCRIPTS alone
    // after some lump is not evidence of a level.
    private static readonly HashSet<string> MarkerFollowers = new(StringComparer.OrdinalIgnoreCase)
    {
        "THINGS", "LINEDEFS", "SIDEDEFS", "VERTEXES", "SECTORS",
    };

    /// <summary>Every level in directory order (duplicated names included; Doom plays the last one).</summary>
    public static IReadOnlyList<LevelEntry> Find(WadFile wad) => Find(wad, int.MaxValue);

    /// <summary>
    /// The levels in directory order, up to one more than <paramref name="maxLevels"/>: enough to tell a file over a
    /// limit without listing a hostile directory's millions of markers.
    /// </summary>
    public static IReadOnlyList<LevelEntry> Find(WadFile wad, int maxLevels)
    {
        ArgumentNullException.ThrowIfNull(wad);
        var lumps = wad.Lumps;
        var levels = new List<LevelEntry>();
        var lastEndmap = wad.Lumps.Count - 1;
        while (lastEndmap >= 0 && !string.Equals(lumps[lastEndmap].Name, "ENDMAP", StringComparison.OrdinalIgnoreCase))
        {
            lastEndmap--;
        }

        var problems = new WadProblemCursor(wad.Problems);
        var i = 0;
        while (i < lumps.Count - 1 && levels.Count <= maxLevels)
        {
            var marker = lumps[i];
            var next = lumps[i + 1].Name;
            // ENDMAP closes a UDMF level; it is a marker only of a binary level (GZDoom plays a map named ENDMAP).
            if (IsLevelLump(marker.Name) ||
                (string.Equals(marker.Name, "ENDMAP", StringComparison.OrdinalIgnoreCase) && !MarkerFollowers.Contains(next)))
            {
                i++;
                continue;
            }

            if (string.Equals(next, "TEXTMAP", StringComparison.OrdinalIgnoreCase))
            {
                // A level without ENDMAP ends where the next level's marker (a lump followed by TEXTMAP, THINGS...)
                // begins, so the levels after it are still found.
                var last = i + 2;
                while (last < lumps.Count &&
                       !string.Equals(lumps[last].Name, "ENDMAP", StringComparison.OrdinalIgnoreCase) &&
                       !(last + 1 < lumps.Count && StartsLevel(lumps[last + 1].Name)))
                {
                    last++;
                }

                var end = last < lumps.Count && string.Equals(lumps[last].Name, "ENDMAP", StringComparison.OrdinalIgnoreCase)
                    ? LevelEntry.UdmfEnd.Endmap
                    : lastEndmap > last ? LevelEntry.UdmfEnd.EndmapFurtherOn : LevelEntry.UdmfEnd.NoEndmap;
                levels.Add(new LevelEntry(marker.Name, i, LevelFormat.Udmf, Slice(lumps, i + 1, last), end, problems.Take(i, last)));
                i = last;
                continue;
            }

            if (MarkerFollowers.Contains(next))
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var j = i + 1;

                // A repeated name means the next level started without a marker we recognise: stop there.
                while (j < lumps.Count && BinaryLumpNames.Contains(lumps[j].Name) && seen.Add(lumps[j].Name))
                {
                    j++;
                }

                var format = seen.Contains("BEHAVIOR") ? LevelFormat.Hexen : LevelFormat.Doom;
                levels.Add(new LevelEntry(marker.Name, i, format, Slice(lumps, i + 1, j), LevelEntry.UdmfEnd.Endmap, problems.Take(i, j)));
                i = j;
                continue;
            }

            i++;
        }

        return levels;
    }

    /// <summary>
    /// Hands each level the directory problems of its lumps (and those of the whole directory) in one pass: levels
    /// come in directory order and problems are listed in it.
    /// </summary>
    private sealed class WadProblemCursor(IReadOnlyList<WadProblem> problems)
    {
        private readonly List<WadProblem> _whole = [.. problems.Where(p => p.LumpIndex is null)];
        private readonly List<WadProblem> _byLump = [.. problems.Where(p => p.LumpIndex is not null)];
        private int _next;

        public List<WadProblem> Take(int from, int to)
        {
            var result = new List<WadProblem>(_whole);
            while (_next < _byLump.Count && _byLump[_next].LumpIndex < from)
            {
                _next++;
            }

            while (_next < _byLump.Count && _byLump[_next].LumpIndex < to)
            {
                result.Add(_byLump[_next++]);
            }

            return result;
        }
    }

    private static bool StartsLevel(string name) =>
        string.Equals(name, "TEXTMAP", StringComparison.OrdinalIgnoreCase) || MarkerFollowers.Contains(name);

    private static bool IsLevelLump(string name) =>
        BinaryLumpNames.Contains(name) || string.Equals(name, "TEXTMAP", StringComparison.OrdinalIgnoreCase);

    private static List<WadLump> Slice(IReadOnlyList<WadLump> lumps, int from, int to)
    {
        var result = new List<WadLump>(to - from);
        for (var k = from; k < to; k++)
        {
            result.Add(lumps[k]);
        }

        return result;
    }
}
