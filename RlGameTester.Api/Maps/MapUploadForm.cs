namespace RlGameTester.Api.Maps;

/// <summary>The multipart form of a WAD upload (for the OpenAPI document; the endpoint reads the form itself).</summary>
public sealed class MapUploadForm
{
    /// <summary>The .wad file (IWAD or PWAD).</summary>
    public IFormFile? File { get; set; }

    /// <summary>Display name; with several levels each map is named "name LEVEL".</summary>
    /// <example>My episode</example>
    public string? Name { get; set; }

    /// <summary>Resource WADs loaded with the file, in load order (textures, flats, patches the levels use).</summary>
    public IFormFileCollection? Resources { get; set; }

    /// <summary>The IWAD the levels are played with, among the server's (default: chosen by the level names).</summary>
    /// <example>freedoom2.wad</example>
    public string? Iwad { get; set; }

    /// <summary>The engine the levels are made for: vanilla, boom, mbf21 or udmf (default: inferred per level).</summary>
    /// <example>boom</example>
    public string? Compatibility { get; set; }

    /// <summary>A project (its id) the upload belongs to: each level becomes a revision of that level in the project.</summary>
    /// <example>3</example>
    public long? Project { get; set; }

    /// <summary>The scenario the levels are played in.</summary>
    /// <example>deathmatch</example>
    public string? Scenario { get; set; }
}
