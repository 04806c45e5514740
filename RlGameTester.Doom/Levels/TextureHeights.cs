namespace RlGameTester.Doom.Levels;

/// <summary>
/// The heights of the wall textures a level is played with, by name (its WAD's and its IWAD's TEXTURE1/2), for the moves
/// that raise a floor by the shortest lower texture around it, and the height of texture 0, the first of the list, which
/// Doom's engine reads for a side with no lower texture. <see cref="None"/>: the level was read without its resources.
/// </summary>
public sealed class TextureHeights
{
    private readonly Dictionary<string, int> _heights;

    public TextureHeights(IEnumerable<KeyValuePair<string, int>> heights, int? firstTexture)
    {
        ArgumentNullException.ThrowIfNull(heights);
        _heights = new Dictionary<string, int>(heights, StringComparer.OrdinalIgnoreCase);
        FirstTexture = firstTexture;
    }

    public static TextureHeights None { get; } = new([], null);

    /// <summary>Texture 0's height: vanilla's "-" is texture 0.</summary>
    public int? FirstTexture { get; }

    public bool IsEmpty => _heights.Count == 0;

    /// <summary>The texture's height, or null when the resources have no texture of that name.</summary>
    public int? Of(string name) => _heights.TryGetValue(name, out var height) ? height : null;
}
