using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Bench.Corpus;

/// <summary>
/// The IWAD a PWAD's level is checked against, as the Analysis service picks it: freedoom1.wad for ExMy levels,
/// freedoom2.wad otherwise, none for an IWAD (it has its own resources). Each is read once and shared between threads.
/// </summary>
internal sealed class IwadResources(string folder)
{
    private readonly Lazy<WadResources?> _doom1 = new(() => Load(Path.Combine(folder, "freedoom1.wad")));
    private readonly Lazy<WadResources?> _doom2 = new(() => Load(Path.Combine(folder, "freedoom2.wad")));

    public WadResources? For(WadFile wad, string levelName)
    {
        if (wad.Kind == WadKind.Iwad)
        {
            return null;
        }

        var episodic = levelName.Length == 4 && levelName[0] == 'E' && levelName[2] == 'M'
            && char.IsAsciiDigit(levelName[1]) && char.IsAsciiDigit(levelName[3]);
        return episodic ? _doom1.Value : _doom2.Value;
    }

    private static WadResources? Load(string path) =>
        File.Exists(path) ? WadResources.From(WadFile.Read(File.ReadAllBytes(path)), Path.GetFileName(path)) : null;
}
