namespace RlGameTester.Doom.Checks;

/// <summary>Tuning for <see cref="LevelChecker"/>.</summary>
public sealed record CheckOptions
{
    public static readonly CheckOptions Default = new();

    /// <summary>
    /// At most this many findings per check; the rest are summarised in one <see cref="CheckNames.FindingsOmitted"/>
    /// finding, so a badly broken map cannot produce an unbounded report.
    /// </summary>
    public int MaxFindingsPerCheck { get; init; } = 500;

    /// <summary>
    /// The engine the level is declared for; null infers it from the level (a binary Doom-format level using no
    /// source-port feature is taken to be for vanilla). Declared, it decides whose crashes are critical.
    /// </summary>
    public CompatibilityLevel? Compatibility { get; init; }

    /// <summary>Lines shorter than this (but not zero) are reported as very short.</summary>
    public double ShortLineLength { get; init; } = 1.0;
}
