namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A seg: the part of a linedef's side that bounds one subsector, in fixed point. <see cref="Offset"/> is how far along
/// the side it starts (for texture alignment); <see cref="Side"/> is 0 for the front sidedef, 1 for the back.
/// </summary>
internal readonly record struct BspSeg(int X1, int Y1, int X2, int Y2, uint Angle, int Offset, int Linedef, int Side);
