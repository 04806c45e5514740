using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>Builds a <see cref="Level"/> from a UDMF level's TEXTMAP.</summary>
internal static class UdmfLevelReader
{
    public static Level Read(LevelEntry entry)
    {
        if (!entry.IsClosed)
        {
            throw new WadFormatException($"Level {entry.Name}: its TEXTMAP is not followed by an ENDMAP lump.");
        }

        var textmap = entry.FindLump("TEXTMAP")
            ?? throw new WadFormatException($"Level {entry.Name} has no TEXTMAP lump.");
        UdmfDocument document;
        try
        {
            // The parser now keeps several tokens before a ';' as a malformed value; Wrong() refuses them here.
            document = UdmfDocument.Parse(Encoding.UTF8.GetString(textmap.Data.Span));
        }
        catch (WadFormatException e)
        {
            throw new WadFormatException($"Level {entry.Name}, TEXTMAP {e.Message}", e);
        }

        var problems = new ReadProblemCollector();
        problems.AddWadProblems(entry.WadProblems);
        return Build(entry.Name, document, entry.FindLump("BEHAVIOR") is not null, problems);
    }

    private static Level Build(string name, UdmfDocument document, bool hasScripts, ReadProblemCollector problems)
    {
        var ns = document.Namespace;
        var doomSpecials = ns is "doom" or "heretic" or "strife";
        var context = new Context(name);
        var things = new List<Thing>();
        var lines = new List<Linedef>();
        var sides = new List<Sidedef>();
        var vertices = new List<Vertex>();
        var sectors = new List<Sector>();
        foreach (var block in document.Blocks)
        {
            switch (block.Name)
            {
                case "thing":
                    things.Add(ReadThing(context, block, things.Count));
                    break;
                case "linedef":
                    lines.Add(ReadLine(context, block, lines.Count, doomSpecials));
                    break;
                case "sidedef":
                    sides.Add(ReadSide(context, block, sides.Count));
                    break;
                case "vertex":
                    vertices.Add(new Vertex(
                        context.Coordinate(block, "vertex", vertices.Count, "x"),
                        context.Coordinate(block, "vertex", vertices.Count, "y")));
                    break;
                case "sector":
                    sectors.Add(ReadSector(context, block));
                    break;
            }
        }

        var lineArray = lines.ToArray();
        var sideArray = sides.ToArray();
        LevelValidator.Validate(name, "TEXTMAP", "TEXTMAP", lineArray, sideArray, vertices.Count, sectors.Count, sectorFallback: false, problems);
        return new Level(
            name,
            LevelFormat.Udmf,
            ns,
            [.. things],
            ImmutableCollectionsMarshal.AsImmutableArray(lineArray),
            ImmutableCollectionsMarshal.AsImmutableArray(sideArray),
            [.. vertices],
            [.. sectors],
            hasScripts,
            doomSpecials,
            problems.ToImmutable());
    }

    private static Thing ReadThing(Context c, UdmfBlock b, int index)
    {
        var skills = Skills.None;
        skills |= Flag(b, "skill1") ? Skills.Skill1 : Skills.None;
        skills |= Flag(b, "skill2") ? Skills.Skill2 : Skills.None;
        skills |= Flag(b, "skill3") ? Skills.Skill3 : Skills.None;
        skills |= Flag(b, "skill4") ? Skills.Skill4 : Skills.None;
        skills |= Flag(b, "skill5") ? Skills.Skill5 : Skills.None;
        var modes = GameModes.None;
        modes |= Flag(b, "single") ? GameModes.SinglePlayer : GameModes.None;
        modes |= Flag(b, "coop") ? GameModes.Cooperative : GameModes.None;
        modes |= Flag(b, "dm") ? GameModes.Deathmatch : GameModes.None;
        return new Thing(
            X: c.Coordinate(b, "thing", index, "x"),
            Y: c.Coordinate(b, "thing", index, "y"),
            Z: c.Number(b, "height", 0),
            Angle: c.Int(b, "angle", 0),
            Type: c.RequiredInt(b, "thing", index, "type"),
            Flags: 0,
            Skills: skills,
            Modes: modes,
            Ambush: Flag(b, "ambush"),
            Tid: c.Int(b, "id", 0),
            Special: c.Int(b, "special", 0),
            Args: Args(c, b));
    }

    private static Linedef ReadLine(Context c, UdmfBlock b, int index, bool doomSpecials)
    {
        var flags = LinedefFlags.None;
        flags |= Flag(b, "blocking") ? LinedefFlags.Impassable : LinedefFlags.None;
        flags |= Flag(b, "blockmonsters") ? LinedefFlags.BlocksMonsters : LinedefFlags.None;
        flags |= Flag(b, "twosided") ? LinedefFlags.TwoSided : LinedefFlags.None;
        flags |= Flag(b, "dontpegtop") ? LinedefFlags.UpperUnpegged : LinedefFlags.None;
        flags |= Flag(b, "dontpegbottom") ? LinedefFlags.LowerUnpegged : LinedefFlags.None;
        flags |= Flag(b, "secret") ? LinedefFlags.Secret : LinedefFlags.None;
        flags |= Flag(b, "blocksound") ? LinedefFlags.BlocksSound : LinedefFlags.None;
        flags |= Flag(b, "dontdraw") ? LinedefFlags.HiddenOnAutomap : LinedefFlags.None;
        flags |= Flag(b, "mapped") ? LinedefFlags.ShownOnAutomap : LinedefFlags.None;
        flags |= Flag(b, "passuse") ? LinedefFlags.PassUse : LinedefFlags.None;

        var activation = LineActivation.None;
        activation |= Flag(b, "playercross") ? LineActivation.PlayerCross : LineActivation.None;
        activation |= Flag(b, "playeruse") ? LineActivation.PlayerUse : LineActivation.None;
        activation |= Flag(b, "monstercross") ? LineActivation.MonsterCross : LineActivation.None;
        activation |= Flag(b, "monsteruse") ? LineActivation.MonsterUse : LineActivation.None;
        activation |= Flag(b, "impact") ? LineActivation.Impact : LineActivation.None;
        activation |= Flag(b, "playerpush") ? LineActivation.PlayerPush : LineActivation.None;
        activation |= Flag(b, "monsterpush") ? LineActivation.MonsterPush : LineActivation.None;
        activation |= Flag(b, "missilecross") ? LineActivation.MissileCross : LineActivation.None;
        activation |= Flag(b, "repeatspecial") ? LineActivation.Repeatable : LineActivation.None;

        var args = Args(c, b);

        // UDMF keeps a line's identity (id) apart from what its special acts on (arg0); for Doom-numbered
        // specials arg0 plays the part of the binary tag (UDMF 1.1, "Tag / ID Behavior").
        return new Linedef(
            Start: c.RequiredInt(b, "linedef", index, "v1"),
            End: c.RequiredInt(b, "linedef", index, "v2"),
            Flags: flags,
            Special: c.Int(b, "special", 0),
            Tag: doomSpecials ? args.Arg0 : 0,
            Id: c.Int(b, "id", doomSpecials ? 0 : -1),
            Args: args,
            Activation: activation,
            FrontSide: c.Int(b, "sidefront", -1),
            BackSide: c.Int(b, "sideback", -1));
    }

    private static Sidedef ReadSide(Context c, UdmfBlock b, int index) => new(
        OffsetX: c.Int(b, "offsetx", 0),
        OffsetY: c.Int(b, "offsety", 0),
        UpperTexture: c.Texture(b, "texturetop"),
        LowerTexture: c.Texture(b, "texturebottom"),
        MiddleTexture: c.Texture(b, "texturemiddle"),
        Sector: c.RequiredInt(b, "sidedef", index, "sector"));

    private static Sector ReadSector(Context c, UdmfBlock b) => new(
        FloorHeight: c.Int(b, "heightfloor", 0),
        CeilingHeight: c.Int(b, "heightceiling", 0),
        FloorFlat: c.Texture(b, "texturefloor"),
        CeilingFlat: c.Texture(b, "textureceiling"),
        LightLevel: c.Int(b, "lightlevel", 160),
        Special: c.Int(b, "special", 0),
        Tag: c.Int(b, "id", 0));

    private static SpecialArgs Args(Context c, UdmfBlock b) => new(
        c.Int(b, "arg0", 0), c.Int(b, "arg1", 0), c.Int(b, "arg2", 0), c.Int(b, "arg3", 0), c.Int(b, "arg4", 0));

    private static bool Flag(UdmfBlock b, string key) => b.TryGet(key, out var v) && v.AsBoolean();

    /// <summary>Field conversions that report the level, block and line when a value has the wrong kind.</summary>
    private sealed class Context(string level)
    {
        // Doom engines hold map coordinates in 16.16 fixed point (at most 32767); far beyond that no engine can
        // load the map, and the maths of the checks would lose all precision.
        private const double CoordinateLimit = 1_000_000;

        private readonly Dictionary<string, string> textures = new(StringComparer.Ordinal);

        public double RequiredNumber(UdmfBlock b, string kind, int index, string key)
        {
            if (!b.TryGet(key, out var v))
            {
                throw Missing(b, kind, index, key);
            }

            return ToNumber(b, key, v);
        }

        public double Coordinate(UdmfBlock b, string kind, int index, string key)
        {
            var value = RequiredNumber(b, kind, index, key);
            if (Math.Abs(value) > CoordinateLimit)
            {
                throw new WadFormatException(
                    $"Level {level}, TEXTMAP line {b.TryGet(key, out var v) switch { true => v.Line, false => b.Line }}: " +
                    $"{kind} {index} has {key} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, beyond the ±{CoordinateLimit} any Doom engine can hold.");
            }

            return value;
        }

        public int RequiredInt(UdmfBlock b, string kind, int index, string key)
        {
            if (!b.TryGet(key, out var v))
            {
                throw Missing(b, kind, index, key);
            }

            return ToInt(b, key, v);
        }

        public double Number(UdmfBlock b, string key, double fallback) =>
            b.TryGet(key, out var v) ? ToNumber(b, key, v) : fallback;

        public int Int(UdmfBlock b, string key, int fallback) =>
            b.TryGet(key, out var v) ? ToInt(b, key, v) : fallback;

        public string Texture(UdmfBlock b, string key)
        {
            if (!b.TryGet(key, out var v))
            {
                return Sidedef.NoTexture;
            }

            if (v.Kind != UdmfValueKind.Text || v.Text is null)
            {
                throw Wrong(v, key, "a quoted texture name");
            }

            // Share one upper-cased string per name, as Doom compares them case-insensitively.
            if (!textures.TryGetValue(v.Text, out var name))
            {
                name = v.Text.ToUpperInvariant();
                textures.Add(v.Text, name);
            }

            return name;
        }

        private double ToNumber(UdmfBlock b, string key, UdmfValue v) =>
            v.IsNumber ? v.Number : throw Wrong(v, key, "a number");

        private int ToInt(UdmfBlock b, string key, UdmfValue v)
        {
            if (!v.IsNumber)
            {
                throw Wrong(v, key, "a number");
            }

            // Ports accept "16.0" where an integer is due; truncate it as they do.
            var truncated = Math.Truncate(v.Number);
            if (truncated is < int.MinValue or > int.MaxValue)
            {
                throw new WadFormatException(
                    $"Level {level}, TEXTMAP line {v.Line}: the value of \"{key}\" ({v}) is out of range.");
            }

            return (int)truncated;
        }

        private WadFormatException Missing(UdmfBlock b, string kind, int index, string key) => new(
            $"Level {level}, TEXTMAP line {b.Line}: {kind} {index} has no \"{key}\", which UDMF requires.");

        private WadFormatException Wrong(UdmfValue v, string key, string expected) => new(v.Kind == UdmfValueKind.Malformed
            ? $"Level {level}, TEXTMAP line {v.Line}: expected ';' after the value of \"{key}\", found \"{v.Text}\"."
            : $"Level {level}, TEXTMAP line {v.Line}: \"{key}\" should be {expected}, not {v}.");
    }
}
