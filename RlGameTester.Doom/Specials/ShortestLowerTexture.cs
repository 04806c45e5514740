using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// How far a move "by the shortest lower texture" (Doom's 30 and 96, Boom's, the generalised floors' target 5, ZDoom's
/// Floor_RaiseByTexture, Map07's tag 667) raises a floor: the least height of the lower textures on both sides of every
/// two-sided line of the sector (P_FindShortestTextureAround). The engines differ on a side with no lower texture: Doom's
/// reads it as texture 0 (the first of TEXTURE1), Boom's and ZDoom's skip it.
/// </summary>
public static class ShortestLowerTexture
{
    // Doom's own line specials end at 141; Boom's start at 142.
    private const int LastDoomSpecial = 141;

    /// <summary>
    /// The raise by Doom's rule and by Boom's and ZDoom's, each null where a texture's height is not known (the level was
    /// read without its resources, or names a texture they lack) or no side counts.
    /// </summary>
    public static (int? Doom, int? Boom) Around(Level level, int sector)
    {
        ArgumentNullException.ThrowIfNull(level);
        var textures = level.Textures;
        if (textures.IsEmpty)
        {
            return (null, null);
        }

        int? doom = int.MaxValue, boom = int.MaxValue;
        foreach (var line in level.Linedefs)
        {
            if (!line.HasFlag(LinedefFlags.TwoSided) || line.FrontSide < 0 || line.BackSide < 0
                || (level.Sidedefs[line.FrontSide].Sector != sector && level.Sidedefs[line.BackSide].Sector != sector))
            {
                continue;
            }

            foreach (var side in (ReadOnlySpan<int>)[line.FrontSide, line.BackSide])
            {
                var name = level.Sidedefs[side].LowerTexture;
                if (Sidedef.IsNoTexture(name))
                {
                    doom = Min(doom, textures.FirstTexture);
                    continue;
                }

                var height = textures.Of(name);
                (doom, boom) = (Min(doom, height), Min(boom, height));
            }
        }

        return (doom == int.MaxValue ? null : doom, boom == int.MaxValue ? null : boom);
    }

    /// <summary>
    /// The raise in the ports the level is made for: Boom's and ZDoom's rule for a level in ZDoom's formats or using
    /// Boom's specials (GZDoom and Boom's ports play those), Doom's otherwise.
    /// </summary>
    public static int? InPlay(Level level, int sector)
    {
        var (doom, boom) = Around(level, sector);
        return PlaysByBoomsRule(level) ? boom : doom;
    }

    /// <summary>Whether the level is one only Boom's and ZDoom's ports play (their rule holds, not Doom's).</summary>
    public static bool PlaysByBoomsRule(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.MadeForZDoomPorts || level.Linedefs.Any(l => l.Special > LastDoomSpecial);
    }

    // An unknown height (null) makes the least unknown too.
    private static int? Min(int? least, int? height) => least is { } a && height is { } b ? Math.Min(a, b) : null;
}
