using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>Real levels with defects a test places, so it knows which findings to expect and where.</summary>
internal static class DoctoredLevels
{
    /// <summary>Freedoom 2's MAP01 as a PWAD with sides' middle textures renamed to ones no WAD has, made unique by a marker lump.</summary>
    public static byte[] Map01(params (string Texture, int Side)[] defects)
    {
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
        foreach (var (texture, side) in defects)
        {
            level.SetSideTexture(side, 2, texture);
        }

        return WadBuilder.WithExtraLump(level.ToWad(), "RLGTTEST", Guid.NewGuid().ToByteArray());
    }
}
