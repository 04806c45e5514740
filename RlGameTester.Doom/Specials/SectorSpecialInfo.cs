namespace RlGameTester.Doom.Specials;

/// <summary>What a sector special does.</summary>
/// <param name="Number">The raw special number.</param>
/// <param name="Name">A short description.</param>
/// <param name="Damage">Health lost every 32 tics while standing on the floor (before skill and armour).</param>
/// <param name="EndsLevel">Doom's special 11: damage that ends the level when health drops to 10 or less.</param>
/// <param name="Secret">Counts as a secret when entered.</param>
/// <param name="IsKnown">Some engine in the level's family defines it.</param>
/// <param name="Game">The engine family that defines it.</param>
public sealed record SectorSpecialInfo(
    int Number,
    string Name,
    int Damage,
    bool EndsLevel,
    bool Secret,
    bool IsKnown,
    DoomGame Game);
