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

    /// <summary>
    /// The project's renderer drew nothing over part of the view because the level lacks a texture or flat there: its
    /// own note on the frame says so (<see cref="Domain.Frames.RendererNote.LeftUndrawn"/>), so only frames it drew carry
    /// this finding, whatever the pixels happen to look like.
    /// </summary>
    public const string UndrawnView = "undrawn-view";

    /// <summary>The checks that judge the picture alone (each has a glitch category in the evaluations).</summary>
    public static IReadOnlyList<string> All { get; } =
        [BlackFrame, BlankFrame, FrozenVideo, HallOfMirrors, ClearColourFill, MissingTexture, Flicker, Noise];
}
