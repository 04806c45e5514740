namespace RlGameTester.Doom.Levels;

/// <summary>
/// A map thing, normalised across formats: <see cref="Skills"/> and <see cref="Modes"/> are decoded from the
/// format's own flags, <see cref="Flags"/> keeps the raw binary value (0 for UDMF).
/// </summary>
public readonly record struct Thing(
    double X,
    double Y,
    double Z,
    int Angle,
    int Type,
    int Flags,
    Skills Skills,
    GameModes Modes,
    bool Ambush,
    int Tid,
    int Special,
    SpecialArgs Args)
{
    /// <summary>True when the thing appears on at least one skill in single player.</summary>
    public bool InSinglePlayer => (Modes & GameModes.SinglePlayer) != 0 && Skills != Skills.None;
}
