namespace RlGameTester.Doom.Levels;

/// <summary>The game modes a thing appears in.</summary>
[Flags]
public enum GameModes
{
    None = 0,
    SinglePlayer = 1,
    Cooperative = 2,
    Deathmatch = 4,
    All = SinglePlayer | Cooperative | Deathmatch,
}
