using System.Collections.Immutable;

namespace RlGameTester.Doom.Levels;

/// <summary>A sector. Flat names are upper-cased.</summary>
public readonly record struct Sector(
    int FloorHeight,
    int CeilingHeight,
    string FloorFlat,
    string CeilingFlat,
    int LightLevel,
    int Special,
    int Tag)
{
    /// <summary>UDMF's <c>damageamount</c>: health a player on the floor loses every <see cref="DamageInterval"/> tics (0: none).</summary>
    public int DamageAmount { get; init; }

    /// <summary>UDMF's <c>damageinterval</c>, in tics (GZDoom's default, 32, when the map gives none or less than 1).</summary>
    public int DamageInterval { get; init; } = 32;

    /// <summary>UDMF's <c>moreids</c>: tags besides <see cref="Tag"/> that specials find the sector by (default: none).</summary>
    public ImmutableArray<int> MoreTags { get; init; }

    /// <summary>Every tag the sector has: <see cref="Tag"/> (when not 0) and <see cref="MoreTags"/>.</summary>
    public IEnumerable<int> Tags => (Tag == 0 ? [] : (IEnumerable<int>)[Tag]).Concat(MoreTags.IsDefault ? [] : MoreTags);

    /// <summary>Whether specials that name <paramref name="tag"/> find the sector.</summary>
    public bool HasTag(int tag) => Tag == tag || (!MoreTags.IsDefault && MoreTags.Contains(tag));

    /// <summary>The UDMF damage as health lost every 32 tics, the unit of the specials' damage (rounded up).</summary>
    public int FieldDamagePer32Tics => DamageAmount <= 0 ? 0 : ((DamageAmount * 32) + DamageInterval - 1) / DamageInterval;
}
