namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A BSP node: the partition line (fixed point) and its two children; the front (right-hand) child first. A child is a
/// node index, or the complement (<c>~index</c>, negative) of a subsector index.
/// </summary>
internal readonly record struct BspNode(int X, int Y, int Dx, int Dy, BspBox FrontBox, BspBox BackBox, int FrontChild, int BackChild);
