namespace RlGameTester.Doom.Levels;

/// <summary>A sector. Flat names are upper-cased.</summary>
public readonly record struct Sector(
    int FloorHeight,
    int CeilingHeight,
    string FloorFlat,
    string CeilingFlat,
    int LightLevel,
    int Special,
    int Tag);
