using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Finds a sprite frame's lumps by Doom's naming (R_InstallSpriteLump): four letters of sprite, a frame letter and a
/// rotation digit (0 for all directions, 1-8 counter-clockwise from the front), optionally a second frame and rotation
/// the same picture serves mirrored.
/// </summary>
internal sealed class SpriteFrames
{
    private readonly Dictionary<string, List<WadLump>> _byFrame = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SpriteFrame?> _cache = new(StringComparer.OrdinalIgnoreCase);

    public SpriteFrames(ResourceSet resources)
    {
        foreach (var (name, lump) in resources.SpriteLumps)
        {
            AddUnder(name, 4, lump);
            if (name.Length >= 8)
            {
                AddUnder(name, 6, lump);
            }
        }
    }

    /// <summary>The frame, or null when the WADs have no complete set of pictures for it.</summary>
    public SpriteFrame? Find(string sprite, char frame)
    {
        var key = sprite + frame;
        if (!_cache.TryGetValue(key, out var found))
        {
            found = Build(key);
            _cache[key] = found;
        }

        return found;
    }

    private void AddUnder(string name, int at, WadLump lump)
    {
        if (name.Length < at + 2)
        {
            return;
        }

        var key = name[..4] + name[at];
        if (!_byFrame.TryGetValue(key, out var list))
        {
            _byFrame[key] = list = [];
        }

        list.Add(lump);
    }

    private SpriteFrame? Build(string key)
    {
        if (!_byFrame.TryGetValue(key, out var lumps))
        {
            return null;
        }

        var pictures = new MaskedPicture?[8];
        var flipped = new bool[8];
        var rotates = true;
        foreach (var lump in lumps.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase))
        {
            MaskedPicture picture;
            try
            {
                picture = MaskedPicture.From(DoomPicture.DecodePicture(lump.Data.Span, lump.Name));
            }
            catch (WadFormatException)
            {
                continue;
            }

            var name = lump.Name.ToUpperInvariant();
            for (var at = 4; at + 1 < name.Length && at <= 6; at += 2)
            {
                if (!string.Equals(name[..4] + name[at], key, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var rotation = name[at + 1] - '0';
                if (rotation == 0)
                {
                    rotates = false;
                    Array.Fill(pictures, picture);
                    Array.Fill(flipped, false);
                }
                else if (rotation is >= 1 and <= 8)
                {
                    pictures[rotation - 1] = picture;
                    flipped[rotation - 1] = at == 6;
                }
            }
        }

        // A frame missing some rotations is an error in vanilla; it is left undrawn here.
        return Array.TrueForAll(pictures, p => p is not null) ? new SpriteFrame(Array.ConvertAll(pictures, p => p!), flipped, rotates) : null;
    }
}
