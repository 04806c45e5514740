using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Geometry;

/// <summary>An axis-aligned box in map units.</summary>
public readonly record struct MapBounds(double MinX, double MinY, double MaxX, double MaxY)
{
    [JsonIgnore]
    public double Width => MaxX - MinX;

    [JsonIgnore]
    public double Height => MaxY - MinY;

    [JsonIgnore]
    public double CenterX => (MinX + MaxX) / 2;

    [JsonIgnore]
    public double CenterY => (MinY + MaxY) / 2;

    [JsonIgnore]
    public double Area => Width * Height;

    /// <summary>Whether the point lies in the box or on its edge.</summary>
    public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;
}
