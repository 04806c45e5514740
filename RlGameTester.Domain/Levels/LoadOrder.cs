using System.Security.Cryptography;
using System.Text;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Domain.Levels;

/// <summary>
/// What an upload declared a port loads with its map: the IWAD (a name among the server's, null to choose one by the
/// level names), resource WADs (their SHA-256, in load order) and the engine the levels are made for (null to infer it).
/// The same file with another load order is checked as another map, since its findings differ.
/// </summary>
public sealed record LoadOrder(string? Iwad, IReadOnlyList<string> Resources, CompatibilityLevel? Compatibility)
{
    public static LoadOrder Default { get; } = new(null, [], null);

    public bool IsDefault => Iwad is null && Resources.Count == 0 && Compatibility is null;

    /// <summary>Empty for the default load order (every upload before load orders existed); else a SHA-256 of it.</summary>
    public string Hash => IsDefault
        ? ""
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Iwad}|{string.Join(',', Resources)}|{Compatibility}"))).ToLowerInvariant();

    /// <summary>The resource hashes as stored (comma-separated), or null for none.</summary>
    public string? ResourcesText => Resources.Count == 0 ? null : string.Join(',', Resources);

    public static LoadOrder From(string? iwad, string? resources, string? compatibility) => new(
        iwad,
        string.IsNullOrEmpty(resources) ? [] : resources.Split(','),
        compatibility is null ? null : Enum.Parse<CompatibilityLevel>(compatibility, ignoreCase: true));
}
