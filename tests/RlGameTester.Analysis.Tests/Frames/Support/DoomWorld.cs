namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>How a wall cell is drawn.</summary>
internal enum WallKind
{
    /// <summary>Its texture, as normal.</summary>
    Texture,

    /// <summary>Not drawn at all: the frame buffer keeps what was there (Hall of Mirrors).</summary>
    Undrawn,

    /// <summary>A two-colour checkerboard, as engines draw a texture they cannot find.</summary>
    Checker,
}

/// <summary>One 64x64 square of the test world: a wall, or floor space under a ceiling or the sky.</summary>
internal sealed class MapCell
{
    public bool Solid { get; set; }

    public string Wall { get; set; } = "";

    public WallKind Kind { get; set; }

    public string Floor { get; set; } = "";

    public string Ceiling { get; set; } = "";

    public bool Sky { get; set; }

    /// <summary>Doom sector light, 0-255.</summary>
    public int Light { get; set; } = 160;

    /// <summary>Cells sharing a strobe group blink together (sector special "strobe").</summary>
    public int StrobeGroup { get; set; } = -1;

    public (byte R, byte G, byte B) CheckerA { get; set; }

    public (byte R, byte G, byte B) CheckerB { get; set; }

    public int CheckerSize { get; set; } = 16;
}

/// <summary>A thing drawn as a sprite, in cell coordinates.</summary>
internal sealed record WorldThing(double X, double Y, string Sprite);

/// <summary>
/// A small grid level built from real freedoom textures and flats: rooms and corridors (a Wolfenstein-style grid, which
/// Doom's renderer draws the same way for axis-aligned walls), lit by sector light with Doom's distance fading.
/// </summary>
internal sealed class DoomWorld
{
    private readonly MapCell[] _cells;

    public DoomWorld(int size)
    {
        Size = size;
        _cells = new MapCell[size * size];
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] = new MapCell();
        }
    }

    public int Size { get; }

    public List<WorldThing> Things { get; } = [];

    public MapCell this[int x, int y] => _cells[(Math.Clamp(y, 0, Size - 1) * Size) + Math.Clamp(x, 0, Size - 1)];

    public bool IsSolid(double x, double y) => x < 1 || y < 1 || x >= Size - 1 || y >= Size - 1 || this[(int)x, (int)y].Solid;

    /// <summary>A random level: border walls, pillars and partitions, two floor/ceiling themes, an outdoor part under the sky.</summary>
    public static DoomWorld Random(Random rng, DoomGraphics graphics, int light, bool outdoors, int size = 14)
    {
        var world = new DoomWorld(size);
        var wallA = Pick(rng, graphics.WallTextures);
        var wallB = Pick(rng, graphics.WallTextures);
        var floorA = Pick(rng, graphics.Flats);
        var floorB = Pick(rng, graphics.Flats);
        var ceilingA = Pick(rng, graphics.Flats);
        var ceilingB = Pick(rng, graphics.Flats);
        var half = size / 2;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var cell = world[x, y];
                var border = x == 0 || y == 0 || x == size - 1 || y == size - 1;
                var themeB = x >= half;
                cell.Wall = themeB ? wallB : wallA;
                cell.Floor = themeB ? floorB : floorA;
                cell.Ceiling = themeB ? ceilingB : ceilingA;
                cell.Light = Math.Clamp(light + rng.Next(-16, 17), 0, 255);
                cell.Sky = outdoors && themeB;
                cell.Solid = border || (x > 2 && y > 2 && rng.NextDouble() < 0.10);
            }
        }

        // Keep a clear cross through the middle, where cameras start and walk.
        for (var i = 1; i < size - 1; i++)
        {
            world[i, half].Solid = false;
            world[half, i].Solid = false;
            world[i, half - 1].Solid = false;
        }

        foreach (var sprite in new[] { "BAR1A0", "POSSA1", "TROOA1", "SARGA1", "COLUA0", "ELECA0" })
        {
            if (rng.NextDouble() < 0.5 && graphics.HasPatch(sprite))
            {
                world.Things.Add(new WorldThing(1.5 + rng.Next(size - 3), 1.5 + rng.Next(size - 3), sprite));
            }
        }

        world.Things.RemoveAll(t => world.IsSolid(t.X, t.Y));
        return world;
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
