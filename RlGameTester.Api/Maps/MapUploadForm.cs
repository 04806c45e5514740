namespace RlGameTester.Api.Maps;

/// <summary>The multipart form of a WAD upload (for the OpenAPI document; the endpoint reads the form itself).</summary>
public sealed class MapUploadForm
{
    /// <summary>The .wad file (IWAD or PWAD).</summary>
    public IFormFile? File { get; set; }

    /// <summary>Display name; with several levels each map is named "name LEVEL".</summary>
    /// <example>My episode</example>
    public string? Name { get; set; }

    /// <summary>A project (its id) the upload belongs to: each level becomes a revision of that level in the project.</summary>
    /// <example>3</example>
    public long? Project { get; set; }

    /// <summary>The scenario the levels are played in.</summary>
    /// <example>deathmatch</example>
    public string? Scenario { get; set; }
}
