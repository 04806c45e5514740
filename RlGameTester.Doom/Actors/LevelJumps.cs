using System.Text.RegularExpressions;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// Whether a (Z)MAPINFO lets the player jump on its levels: <c>nojump</c> and <c>allowjump</c> in a <c>map</c> entry, or
/// in a <c>defaultmap</c> (key <c>*</c>) for every level after it. Both formats: ZDoom's blocks in braces, and the old
/// one where an entry runs until the next top-level keyword.
/// </summary>
internal static partial class LevelJumps
{
    /// <summary>Each mention in order, as (level or <c>*</c>, jumping allowed).</summary>
    public static List<(string Level, bool Allowed)> Read(string text)
    {
        var result = new List<(string, bool)>();
        string? entry = null;
        foreach (Match token in TokenPattern().Matches(text))
        {
            var word = token.Value.Trim();
            if (word == "}")
            {
                entry = null;
            }
            else if (token.Groups["map"].Success)
            {
                entry = token.Groups["map"].Value.ToUpperInvariant();
            }
            else if (word.Equals("defaultmap", StringComparison.OrdinalIgnoreCase) || word.Equals("adddefaultmap", StringComparison.OrdinalIgnoreCase))
            {
                entry = "*";
            }
            else if (TopLevel.Contains(word))
            {
                entry = null;
            }
            else if (entry is not null && (word.Equals("nojump", StringComparison.OrdinalIgnoreCase) || word.Equals("allowjump", StringComparison.OrdinalIgnoreCase)))
            {
                result.Add((entry, word.Equals("allowjump", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return result;
    }

    // Keywords that start an entry other than a map's: an old-format map entry ends at them.
    private static readonly HashSet<string> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "cluster", "clusterdef", "episode", "clearepisodes", "gameinfo", "skill", "clearskills", "intermission",
        "automap", "automap_overlay", "doomednums", "spawnnums", "conversationids", "include", "damagetype",
    };

    // Words at the start of a line (or after a brace), a map entry's name, and closing braces; strings are skipped so a
    // level's title cannot read as a keyword.
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|//[^\n]*|(?<=^|[\n{;])[ \t]*(?:map[ \t]+(?<map>[\w]+)|[A-Za-z_]\w*)|\}", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TokenPattern();
}
