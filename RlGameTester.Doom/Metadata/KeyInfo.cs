using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Metadata;

/// <summary>A key in the level: which, where, and on which skill groups it appears.</summary>
public sealed record KeyInfo(
    DoomKeys Key,
    int ThingIndex,
    double X,
    double Y,
    bool OnEasy,
    bool OnMedium,
    bool OnHard,
    bool MultiplayerOnly);
