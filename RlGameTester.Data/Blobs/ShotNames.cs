using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RlGameTester.Data.Blobs;

/// <summary>
/// Where the screenshots of findings are stored in <see cref="BlobStore.Images"/>. Names come from what a finding is
/// (its check, element and text), not from its bug id: a level checked again writes the same finding's view to the same
/// blob, so the bug that replaces it points at a picture that never went missing.
/// </summary>
public static class ShotNames
{
    /// <summary>The static findings' views of one level as one load order resolves it: under the file's images, deleted with the file.</summary>
    public static string LevelPrefix(string fileHash, string loadHash, string levelName) =>
        $"{BlobStore.ImagePrefix(fileHash)}shots/{(loadHash.Length == 0 ? "default" : BlobStore.SafeName(loadHash))}/{BlobStore.SafeName(levelName)}/";

    /// <summary>The views of a run's findings (deleted with the run).</summary>
    public static string RunPrefix(long runId) => string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/shot-");

    /// <summary>One finding's view under a prefix: <c>{check}-{element}{index}-{hash}.png</c>.</summary>
    public static string Shot(string prefix, string? check, string? elementKind, int? elementIndex, string text)
    {
        // Two findings of one check on one element (a missing upper and a missing lower) differ in their text.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));
        var name = string.Create(CultureInfo.InvariantCulture, $"{check ?? "finding"}-{elementKind ?? "place"}{elementIndex}-{hash}");
        return $"{prefix}{BlobStore.SafeName(name)}.png";
    }
}
