namespace RlGameTester.Api.Maps;

/// <summary>
/// A level's lines as a client draws them: bounds in map units (y up, as Doom has it) and each line as
/// [x1, y1, x2, y2, kind], kind 0 a wall (one-sided), 1 a two-sided line, 2 a line with an action.
/// </summary>
public sealed record MapGeometryResponse
{
    /// <example>1</example>
    public long MapId { get; init; }

    /// <example>E1M1</example>
    public required string LevelName { get; init; }

    /// <summary>The smallest box around every vertex the lines use.</summary>
    public required MapGeometryBounds Bounds { get; init; }

    /// <summary>[x1, y1, x2, y2, kind] per line, in line order.</summary>
    public required IReadOnlyList<int[]> Lines { get; init; }
}

/// <summary>A box in map units.</summary>
public sealed record MapGeometryBounds(double MinX, double MinY, double MaxX, double MaxY);
