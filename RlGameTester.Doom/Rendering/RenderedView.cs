using RlGameTester.Doom.Graphics;

namespace RlGameTester.Doom.Rendering;

/// <summary>One drawn view: palette indices (convert with <see cref="IndexedImage.ToRgb"/> and the PLAYPAL palette) and what drawing it took.</summary>
public sealed record RenderedView(IndexedImage Image, RenderStatistics Statistics);
