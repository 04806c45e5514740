using System.Text;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// A WAD's actor definitions: every DECORATE, ZSCRIPT, MAPINFO, ZMAPINFO and DEHACKED lump (a port loads each of them, not only
/// the last), with <c>#include</c> names looked up as lump names, as ports do inside a WAD.
/// </summary>
public static class WadActors
{
    private static readonly string[] RootLumps = ["DECORATE", "ZSCRIPT", "MAPINFO", "ZMAPINFO", "DEHACKED"];

    public static ModActors Read(WadFile wad)
    {
        ArgumentNullException.ThrowIfNull(wad);
        var roots = new List<(string, string)>();
        for (var i = 0; i < wad.Lumps.Count; i++)
        {
            var lump = wad.Lumps[i];
            if (lump.Namespace == WadNamespace.Global && RootLumps.Contains(lump.Name, StringComparer.OrdinalIgnoreCase))
            {
                roots.Add(($"{lump.Name}#{i}", Text(lump)));
            }
        }

        return roots.Count == 0 ? ModActors.None : ActorScript.Read(roots, name => Include(wad, name));
    }

    // "actors/bosses.txt" in a WAD is the lump BOSSES; a name of 8 letters or fewer is the lump itself.
    private static string? Include(WadFile wad, string name)
    {
        var lumpName = Path.GetFileNameWithoutExtension(name.Replace('\\', '/'));
        if (lumpName.Length > 8)
        {
            lumpName = lumpName[..8];
        }

        return wad.Find(lumpName.ToUpperInvariant()) is { } lump ? Text(lump) : null;
    }

    private static string Text(WadLump lump) => Encoding.Latin1.GetString(lump.Data.Span);
}
