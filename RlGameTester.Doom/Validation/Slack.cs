namespace RlGameTester.Doom.Validation;

/// <summary>The numeric slack the checks share, so that what counts as "the same height" or "the same spot" is one choice.</summary>
internal static class Slack
{
    /// <summary>Heights this close are equal: feet, floors and ceilings are sums of doubles, and rounding is no step or gap.</summary>
    public const double Height = 1e-6;

    /// <summary>A spot this close to where Doom puts the body is that spot: the explorer's positions are doubles.</summary>
    public const double Place = 0.01;
}
