namespace RlGameTester.Analysis.Frames;

/// <summary>Stable names of the frame checks: a bug's <c>check_name</c>.</summary>
internal static class FrameCheckNames
{
    /// <summary>The view is (almost) entirely black.</summary>
    public const string BlackFrame = "black-frame";

    /// <summary>The view is one flat colour: nothing was drawn.</summary>
    public const string BlankFrame = "blank-frame";

    /// <summary>The view did not change for a while although the agent was acting.</summary>
    public const string FrozenVideo = "frozen-video";

    /// <summary>Part of the view kept stale pixels while the camera moved (undrawn area, Hall of Mirrors).</summary>
    public const string HallOfMirrors = "hall-of-mirrors";

    /// <summary>Part of the view is one flat colour: an undrawn area the renderer cleared (<c>+r_clearbuffer</c>).</summary>
    public const string ClearColourFill = "clear-colour-fill";

    /// <summary>A two-colour checkerboard: the pattern engines draw for a missing texture.</summary>
    public const string MissingTexture = "missing-texture";

    /// <summary>The view alternates between two pictures from one frame to the next.</summary>
    public const string Flicker = "flicker";

    /// <summary>Part of the view is random pixels (garbage).</summary>
    public const string Noise = "noise";

    public static IReadOnlyList<string> All { get; } =
        [BlackFrame, BlankFrame, FrozenVideo, HallOfMirrors, ClearColourFill, MissingTexture, Flicker, Noise];
}
