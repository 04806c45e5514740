using System.Globalization;
using System.Text.RegularExpressions;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// The thing changes of a DEHACKED or BEX patch that decide where a body can go: a new editor number (<c>ID #</c>) or a
/// new size or set of flags (<c>Width</c>, <c>Height</c>, <c>Bits</c>). A patch can make editor number 47 spawn the
/// Cacodemon's slot, so a map's "stalagmites" are whatever the mod made of it; what they are then is not Doom's table.
/// </summary>
internal static partial class DehackedThings
{
    // Doom's mobjinfo order (DEHACKED's "Thing N" is N-1 in it) and each slot's editor number; -1 for slots a map cannot place.
    private static readonly int[] EditorNumbers =
    [
        -1, 3004, 9, 64, -1, 66, -1, -1, 67, -1, 65, 3001, 3002, 58, 3005, 3003, -1, 69, 3006, 7, 68, 16, 71, 84, 72, 88, 89,
        87, -1, -1, 2035, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 14, -1, 2018, 2019, 2014, 2015, 5, 13, 6, 39, 38, 40, 2011,
        2012, 2013, 2022, 2023, 2024, 2025, 2026, 2045, 83, 2007, 2048, 2010, 2046, 2047, 17, 2008, 2049, 8, 2006, 2002, 2005,
        2003, 2004, 2001, 82, 85, 86, 2028, 30, 31, 32, 33, 37, 36, 41, 42, 43, 44, 45, 46, 55, 56, 57, 47, 48, 34, 35, 49,
        50, 51, 52, 53, 59, 60, 61, 62, 63, 22, 15, 18, 21, 23, 20, 19, 10, 12, 28, 24, 27, 29, 25, 26, 54, 70, 73, 74, 75,
        76, 77, 78, 79, 80, 81,
    ];

    /// <summary>Editor numbers whose things the patch reshapes or renumbers, with what it does, in words.</summary>
    public static Dictionary<int, DehackedChange> Read(string text)
    {
        var changed = new Dictionary<int, DehackedChange>();
        int? slot = null;
        int? newNumber = null;
        var reshaped = false;

        void Close()
        {
            if (slot is { } n && n >= 1 && n <= EditorNumbers.Length)
            {
                var original = EditorNumbers[n - 1];
                if (newNumber is { } id && id > 0)
                {
                    changed[id] = new(true, original > 0
                        ? $"DEHACKED's Thing {n} gives editor number {id} to Doom's type {original}"
                        : $"DEHACKED's Thing {n} gives editor number {id} to a thing Doom does not place");
                }
                else if (reshaped && original > 0)
                {
                    changed.TryAdd(original, new(false, $"DEHACKED's Thing {n} changes the size or flags of type {original}"));
                }
            }

            slot = null;
            newNumber = null;
            reshaped = false;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var header = ThingHeader().Match(line);
            if (header.Success)
            {
                Close();
                slot = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            // Any other block header ("Frame 12", "[CODEPTR]", "Pointer 3 (...)") ends a thing's block.
            if (BlockHeader().IsMatch(line))
            {
                Close();
                continue;
            }

            if (slot is null || line.IndexOf('=', StringComparison.Ordinal) is var eq && eq < 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key.Equals("ID #", StringComparison.OrdinalIgnoreCase))
            {
                newNumber = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
            }
            else if (key.Equals("Width", StringComparison.OrdinalIgnoreCase) || key.Equals("Height", StringComparison.OrdinalIgnoreCase) ||
                     key.Equals("Bits", StringComparison.OrdinalIgnoreCase))
            {
                reshaped = true;
            }
        }

        Close();
        return changed;
    }

    /// <summary>True for a file name a port reads as a DEHACKED patch: DEHACKED, *.deh, *.bex.</summary>
    public static bool IsPatchName(string name)
    {
        var file = Path.GetFileName(name.Split('#')[0]);
        return file.StartsWith("DEHACKED", StringComparison.OrdinalIgnoreCase) ||
               file.EndsWith(".deh", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".bex", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^Thing\s+(\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThingHeader();

    [GeneratedRegex(@"^(Frame|Pointer|Sound|Ammo|Weapon|Cheat|Misc|Text|Sprite|Patch|Doom|\[)", RegexOptions.IgnoreCase)]
    private static partial Regex BlockHeader();
}

/// <summary>What a DEHACKED patch does to the things of one editor number.</summary>
/// <param name="Renumbered">The number now places another slot's thing (<c>ID #</c>), not only a resized one.</param>
/// <param name="Description">The change, in words.</param>
public sealed record DehackedChange(bool Renumbered, string Description);
