namespace RlGameTester.Doom.Rendering;

/// <summary>How a <see cref="ViewRenderer"/> draws: the view's size, the limits it counts against, the clear value.</summary>
public sealed record RenderOptions
{
    /// <summary>
    /// The palette index the frame is filled with before drawing: what shows wherever Doom draws nothing (a missing
    /// texture's hall of mirrors, a missing flat). Index 168 is pure white in Doom's palette; no freedoom flat, patch or
    /// sprite uses it and COLORMAP's light tables 1-31 never produce it, so in a view it stands out as "nothing drawn".
    /// (A single frame has no previous frame to smear, which is what vanilla shows there.)
    /// </summary>
    public const byte DefaultClearIndex = 168;

    public static RenderOptions Default { get; } = new();

    /// <summary>Width in pixels (Doom's is 320); 16 to 4096.</summary>
    public int Width { get; init; } = 320;

    /// <summary>Height in pixels (200 for Doom's full screen); 16 to 4096.</summary>
    public int Height { get; init; } = 200;

    public byte ClearIndex { get; init; } = DefaultClearIndex;

    public RenderLimits Limits { get; init; } = RenderLimits.Vanilla;

    /// <summary>Draw everything at full light (COLORMAP 0), as Doom's fixed colormap does, for checks on raw texels.</summary>
    public bool FullBright { get; init; }
}
