using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// The source-port features a binary Doom-format level uses (Boom/MBF line and sector specials and thing types or
/// flags, ZDoom/Eternity-only specials). A level using none targets vanilla Doom, whose crashes then count; a level
/// using any needs a port that also survives those crashes (Boom substitutes a side for a line without one, and
/// answers a door special on a one-sided line with an "oof").
/// </summary>
internal sealed record SourcePortFeatures(int BoomLines, int ZDoomLines, int BoomSectors, int BoomThings)
{
    public bool Any => BoomLines + ZDoomLines + BoomSectors + BoomThings > 0;

    /// <summary>The kind of port the features need.</summary>
    public string Port => ZDoomLines > 0 ? "ZDoom-family" : "Boom-compatible";

    /// <summary>Counts the features of a binary Doom-format level; other formats are ZDoom's own and count none.</summary>
    public static SourcePortFeatures Of(Level level, Func<int, LinedefSpecialInfo?> lineSpecial)
    {
        if (level.Format != LevelFormat.Doom)
        {
            return new SourcePortFeatures(0, 0, 0, 0);
        }

        var boomLines = 0;
        var zdoomLines = 0;
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            switch (lineSpecial(i)?.Game)
            {
                case DoomGame.Boom or DoomGame.Mbf:
                    boomLines++;
                    break;
                case DoomGame.ZDoom:
                    zdoomLines++;
                    break;
            }
        }

        var boomSectors = level.Sectors.Count(s => s.Special >= 32 && SectorSpecials.DescribeDoom(s.Special).IsKnown);
        // Boom's "not in deathmatch / coop" thing flags (0x20, 0x40) only count when MBF's reserved bit 0x100 is clear.
        var boomThings = level.Things.Count(t =>
            ThingTypes.Find(t.Type)?.Game is DoomGame.Boom or DoomGame.Mbf || ((t.Flags & 0x100) == 0 && (t.Flags & 0x60) != 0));
        return new SourcePortFeatures(boomLines, zdoomLines, boomSectors, boomThings);
    }

    /// <summary>The features as a list a designer reads ("3 lines with Boom/MBF specials, ...").</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, BoomLines, "line", "with Boom/MBF specials");
        Add(parts, BoomSectors, "sector", "with generalised specials");
        Add(parts, BoomThings, "thing", "with Boom/MBF types or flags");
        Add(parts, ZDoomLines, "line", "with ZDoom/Eternity-only specials");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, int count, string noun, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {noun}{(count > 1 ? "s" : string.Empty)} {what}");
        }
    }
}
