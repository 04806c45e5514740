namespace RlGameTester.Doom.Specials;

/// <summary>
/// Sector specials: vanilla Doom's 0-17, Boom's generalised bits (damage, secret, friction, push) for
/// Doom-numbered levels, and ZDoom's numbering (Doom's types moved up by 64, damage and secret bits
/// shifted to 0x100-0x400) for Hexen-format and UDMF levels.
/// </summary>
public static class SectorSpecials
{
    /// <summary>Describes a special of a Doom-numbered level (binary Doom, UDMF Doom namespaces).</summary>
    public static SectorSpecialInfo DescribeDoom(int special)
    {
        if (special == 0)
        {
            return new SectorSpecialInfo(0, "None", 0, false, false, true, DoomGame.Doom);
        }

        var baseType = special & 0x1F;
        var (name, damage, endsLevel, secret) = Vanilla(baseType);
        var knownBase = name is not null;
        if (special < 32)
        {
            return new SectorSpecialInfo(special, name ?? $"Unknown special {special}", damage, endsLevel, secret, knownBase, DoomGame.Doom);
        }

        // Boom bits: 5-6 damage (5/10/20), 7 secret, 8 friction, 9 push/pull; MBF21 adds bits 10-11.
        var generalizedDamage = ((special >> 5) & 3) switch
        {
            1 => 5,
            2 => 10,
            3 => 20,
            _ => 0,
        };
        var isKnown = knownBase && (special & ~0xFFF) == 0;
        var parts = new List<string>();
        if (baseType != 0)
        {
            parts.Add(name ?? $"unknown base type {baseType}");
        }

        if (generalizedDamage > 0)
        {
            parts.Add($"{generalizedDamage} damage");
        }

        if ((special & 0x80) != 0)
        {
            parts.Add("secret");
        }

        if ((special & 0x100) != 0)
        {
            parts.Add("friction");
        }

        if ((special & 0x200) != 0)
        {
            parts.Add("wind/current");
        }

        return new SectorSpecialInfo(
            special,
            "Generalised: " + (parts.Count == 0 ? "no effect" : string.Join(", ", parts)),
            Math.Max(damage, generalizedDamage),
            endsLevel,
            secret || (special & 0x80) != 0,
            isKnown,
            (special & ~0x3FF) != 0 ? DoomGame.Mbf : DoomGame.Boom);
    }

    /// <summary>Describes a special of a Hexen-format or ZDoom-namespace UDMF level.</summary>
    public static SectorSpecialInfo DescribeZDoom(int special)
    {
        var baseType = special & 0xFF;
        var damageBits = ((special >> 8) & 3) switch
        {
            1 => 5,
            2 => 10,
            3 => 20,
            _ => 0,
        };
        var secret = (special & 0x400) != 0;
        var (name, damage, endsLevel) = baseType switch
        {
            0 => ("None", 0, false),
            >= 65 and <= 81 => DoomStyle(baseType - 64),
            82 => ("Lava damage (5)", 5, false),
            83 => ("Lava damage (8)", 8, false),
            84 => ("Scroll east, lava damage", 5, false),
            85 => ("Sludge damage", 4, false),
            115 => ("Instant death", 10000, false),
            116 => ("Super hellslime damage", 20, false),
            _ when ZDoomOther(baseType) => ($"ZDoom sector type {baseType}", 0, false),
            _ => ((string?)null, 0, false),
        };
        var isKnown = name is not null && (special & ~0x1FFF) == 0;
        return new SectorSpecialInfo(
            special,
            name ?? $"Unknown special {special}",
            Math.Max(damage, damageBits),
            endsLevel,
            secret,
            isKnown,
            DoomGame.ZDoom);
    }

    private static (string Name, int Damage, bool EndsLevel) DoomStyle(int doomType)
    {
        var (name, damage, endsLevel, _) = Vanilla(doomType);
        return (name ?? $"ZDoom sector type {doomType + 64}", damage, endsLevel);
    }

    // Hexen light/wind types and ZDoom's own (lightning, sky, healing, scrollers).
    private static bool ZDoomOther(int baseType) =>
        baseType is >= 1 and <= 4 or 26 or 27 or >= 40 and <= 51 or 87 or 90 or 105 or 118 or >= 195 and <= 244;

    private static (string? Name, int Damage, bool EndsLevel, bool Secret) Vanilla(int type) => type switch
    {
        0 => ("None", 0, false, false),
        1 => ("Light blinks randomly", 0, false, false),
        2 => ("Light blinks every 0.5 s", 0, false, false),
        3 => ("Light blinks every 1 s", 0, false, false),
        4 => ("20 damage and light blinks", 20, false, false),
        5 => ("10 damage", 10, false, false),
        7 => ("5 damage", 5, false, false),
        8 => ("Light glows", 0, false, false),
        9 => ("Secret", 0, false, true),
        10 => ("Door closes after 30 s", 0, false, false),
        11 => ("20 damage, ends the level at 10% health", 20, true, false),
        12 => ("Light blinks every 1 s (synchronised)", 0, false, false),
        13 => ("Light blinks every 0.5 s (synchronised)", 0, false, false),
        14 => ("Door opens after 5 min", 0, false, false),
        16 => ("20 damage", 20, false, false),
        17 => ("Light flickers", 0, false, false),
        _ => (null, 0, false, false),
    };
}
