using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// Builds a <see cref="Level"/> from a UDMF level's TEXTMAP, block by block as the parser reads them. What GZDoom or
/// dsda-doom load despite a defect (unknown keys and blocks, values of the wrong kind, missing fields, a missing or
/// unknown namespace) is read as GZDoom reads it and recorded in <see cref="Level.ReadProblems"/>; what neither
/// loads is a <see cref="WadFormatException"/>.
/// </summary>
internal static class UdmfLevelReader
{
    // GZDoom treats these namespaces' specials as Hexen's parameterised ones; every other one (Doom, Heretic, Strife,
    // ZDoomTranslated, and a namespace it does not know or cannot see) as Doom-numbered specials it translates.
    private static readonly HashSet<string> HexenStyleNamespaces = new(StringComparer.Ordinal) { "hexen", "zdoom", "vavoom", "eternity", "dsda" };

    private static readonly HashSet<string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        "doom", "heretic", "hexen", "strife", "zdoom", "zdoomtranslated", "vavoom", "eternity", "dsda",
    };

    public static Level Read(LevelEntry entry)
    {
        var problems = new ReadProblemCollector();
        problems.AddWadProblems(entry.WadProblems);
        CheckEnd(entry, problems);
        var textmap = entry.FindLump("TEXTMAP")
            ?? throw new WadFormatException($"Level {entry.Name} has no TEXTMAP lump.");
        var parser = new UdmfParser(Encoding.UTF8.GetString(textmap.Data.Span));
        return new Builder(entry.Name, parser, problems).Build(entry.FindLump("BEHAVIOR") is not null);
    }

    private static void CheckEnd(LevelEntry entry, ReadProblemCollector problems)
    {
        switch (entry.End)
        {
            case LevelEntry.UdmfEnd.EndmapFurtherOn:
                problems.Add(
                    CheckNames.UdmfMissingEndmap,
                    FindingSeverity.Minor,
                    ElementKind.Level,
                    null,
                    "ENDMAP",
                    "The TEXTMAP has no ENDMAP before the next level: GZDoom and dsda-doom read on into the next level's " +
                    "lumps up to the ENDMAP further on.");
                break;
            case LevelEntry.UdmfEnd.NoEndmap when entry.FindLump("ZNODES") is null:
                throw new WadFormatException(
                    $"Level {entry.Name}: its TEXTMAP is not followed by an ENDMAP lump (GZDoom refuses such a level) and " +
                    "it has no ZNODES lump (dsda-doom needs one to play UDMF), so no port loads it.");
            case LevelEntry.UdmfEnd.NoEndmap:
                problems.Add(
                    CheckNames.UdmfMissingEndmap,
                    FindingSeverity.Critical,
                    ElementKind.Level,
                    null,
                    "ENDMAP",
                    "The TEXTMAP is not followed by an ENDMAP lump: GZDoom refuses to load the level (\"Invalid map " +
                    "definition\"); dsda-doom plays it with its ZNODES.");
                break;
        }
    }

    /// <summary>Turns statements into map elements, recording what the ports read past.</summary>
    private sealed class Builder(string level, UdmfParser parser, ReadProblemCollector problems)
    {
        // Doom engines hold map coordinates in 16.16 fixed point (at most 32767; GZDoom refuses beyond 32768); far
        // beyond that no engine can load the map, and the maths of the checks would lose all precision.
        private const double CoordinateLimit = 1_000_000;

        private readonly List<Thing> _things = [];
        private readonly List<Linedef> _lines = [];
        private readonly List<Sidedef> _sides = [];
        private readonly List<Vertex> _vertices = [];
        private readonly Dictionary<int, VertexHeight> _vertexHeights = [];
        private readonly List<Sector> _sectors = [];
        private readonly Dictionary<string, string> _textures = new(StringComparer.Ordinal);
        private readonly string _level = level;
        private readonly UdmfParser _parser = parser;
        private readonly ReadProblemCollector _problems = problems;
        private bool _doomSpecials = true;
        private bool _sawNamespace;

        public Level Build(bool hasScripts)
        {
            string? ns = null;
            var first = true;
            while (Next(out var statement))
            {
                if (statement.Block is { } block)
                {
                    ReadBlock(block);
                }
                else if (statement.Name == "namespace")
                {
                    var name = ReadNamespace(statement, first);
                    ns ??= name;
                }
                else
                {
                    _problems.Add(
                        CheckNames.UdmfUnknownField,
                        FindingSeverity.Info,
                        ElementKind.Level,
                        null,
                        "global " + statement.Name,
                        $"The TEXTMAP assigns \"{UdmfParser.Shorten(statement.Name)}\" (line {statement.Line}) outside any block, which no port reads; it is ignored.");
                }

                first = false;
            }

            if (_parser.UnclosedCommentLine is { } comment)
            {
                _problems.Add(
                    CheckNames.UdmfUnclosedComment,
                    FindingSeverity.Minor,
                    ElementKind.Level,
                    null,
                    "comment",
                    $"A /* comment opened on line {comment} is never closed, so it runs to the end of the TEXTMAP: GZDoom " +
                    "reads the level as if the text ended there, and so does this reading.");
            }

            if (!_sawNamespace)
            {
                _problems.Add(
                    CheckNames.UdmfNamespace,
                    FindingSeverity.Minor,
                    ElementKind.Level,
                    null,
                    "namespace",
                    "The TEXTMAP has no namespace: GZDoom reads it as a Doom map (Doom-numbered specials), dsda-doom refuses it.");
            }

            var lineArray = _lines.ToArray();
            var sideArray = _sides.ToArray();
            LevelValidator.Validate(_level, "TEXTMAP", "TEXTMAP", lineArray, sideArray, _vertices.Count, _sectors.Count, sectorFallback: false, _problems);
            return new Level(
                _level,
                LevelFormat.Udmf,
                ns,
                [.. _things],
                ImmutableCollectionsMarshal.AsImmutableArray(lineArray),
                ImmutableCollectionsMarshal.AsImmutableArray(sideArray),
                [.. _vertices],
                [.. _sectors],
                hasScripts,
                _doomSpecials,
                _problems.ToImmutable())
            {
                VertexHeights = _vertexHeights,
            };
        }

        private bool Next(out UdmfStatement statement)
        {
            try
            {
                return _parser.Next(out statement);
            }
            catch (WadFormatException e)
            {
                throw new WadFormatException($"Level {_level}, TEXTMAP {e.Message}", e);
            }
        }

        // GZDoom reads the namespace only as the TEXTMAP's first statement, as any word; dsda-doom wants a string.
        private string? ReadNamespace(UdmfStatement statement, bool first)
        {
            var value = statement.Value;
            if (value.Kind == UdmfValueKind.Malformed)
            {
                throw new WadFormatException(
                    $"Level {_level}, TEXTMAP line {value.Line}: expected ';' after the namespace, found \"{value.Text}\"; no port loads that.");
            }

            var name = (value.Text ?? value.ToString()).ToLowerInvariant();
            if (!first)
            {
                var message = _sawNamespace
                    ? $"The TEXTMAP names a second namespace \"{UdmfParser.Shorten(name)}\" (line {statement.Line}): GZDoom ignores it and keeps the first, as this reading does."
                    : $"The namespace \"{UdmfParser.Shorten(name)}\" (line {statement.Line}) is not the TEXTMAP's first statement: GZDoom " +
                      "ignores it and reads the map as a Doom map (Doom-numbered specials), as this reading does; dsda-doom reads it.";
                _sawNamespace = true;
                _problems.Add(CheckNames.UdmfNamespace, FindingSeverity.Minor, ElementKind.Level, null, "namespace position", message);
                return name;
            }

            _sawNamespace = true;
            if (value.Kind != UdmfValueKind.Text)
            {
                _problems.Add(
                    CheckNames.UdmfNamespace,
                    FindingSeverity.Minor,
                    ElementKind.Level,
                    null,
                    "namespace quotes",
                    $"The namespace is written {value} without quotes: GZDoom reads it, dsda-doom refuses the map.");
            }

            if (!KnownNamespaces.Contains(name))
            {
                _problems.Add(
                    CheckNames.UdmfNamespace,
                    FindingSeverity.Minor,
                    ElementKind.Level,
                    null,
                    "namespace name",
                    $"The namespace \"{UdmfParser.Shorten(name)}\" is not one any port knows: GZDoom reads the map as a Doom map " +
                    "(Doom-numbered specials), as this reading does; dsda-doom refuses it.");
            }

            _doomSpecials = !HexenStyleNamespaces.Contains(name);
            return name;
        }

        private void ReadBlock(UdmfBlock block)
        {
            switch (block.Name)
            {
                case "thing":
                    _things.Add(ReadThing(new Fields(this, block, ElementKind.Thing, _things.Count)));
                    break;
                case "linedef":
                    _lines.Add(ReadLine(new Fields(this, block, ElementKind.Line, _lines.Count)));
                    break;
                case "sidedef":
                    _sides.Add(ReadSide(new Fields(this, block, ElementKind.Side, _sides.Count)));
                    break;
                case "vertex":
                    var v = new Fields(this, block, ElementKind.Vertex, _vertices.Count);
                    var height = new VertexHeight(v.Optional("zfloor"), v.Optional("zceiling"));
                    if (height.Floor is not null || height.Ceiling is not null)
                    {
                        _vertexHeights[_vertices.Count] = height;
                    }

                    _vertices.Add(new Vertex(v.Coordinate("x"), v.Coordinate("y")));
                    break;
                case "sector":
                    _sectors.Add(ReadSector(new Fields(this, block, ElementKind.Sector, _sectors.Count)));
                    break;
                default:
                    _problems.Add(
                        CheckNames.UdmfUnknownBlock,
                        FindingSeverity.Info,
                        ElementKind.Level,
                        null,
                        block.Name,
                        $"The TEXTMAP has a \"{UdmfParser.Shorten(block.Name)}\" block (line {block.Line}), which no port reads; it is ignored.");
                    break;
            }
        }

        private static Thing ReadThing(Fields f)
        {
            var skills = Skills.None;
            skills |= f.Flag("skill1") ? Skills.Skill1 : Skills.None;
            skills |= f.Flag("skill2") ? Skills.Skill2 : Skills.None;
            skills |= f.Flag("skill3") ? Skills.Skill3 : Skills.None;
            skills |= f.Flag("skill4") ? Skills.Skill4 : Skills.None;
            skills |= f.Flag("skill5") ? Skills.Skill5 : Skills.None;
            var modes = GameModes.None;
            modes |= f.Flag("single") ? GameModes.SinglePlayer : GameModes.None;
            modes |= f.Flag("coop") ? GameModes.Cooperative : GameModes.None;
            modes |= f.Flag("dm") ? GameModes.Deathmatch : GameModes.None;
            return new Thing(
                X: f.Coordinate("x"),
                Y: f.Coordinate("y"),
                Z: f.Number("height"),
                Angle: f.Int("angle", 0),
                Type: f.RequiredInt("type"),
                Flags: 0,
                Skills: skills,
                Modes: modes,
                Ambush: f.Flag("ambush"),
                Tid: f.Int("id", 0),
                Special: f.Int("special", 0),
                Args: Args(f));
        }

        private Linedef ReadLine(Fields f)
        {
            var flags = LinedefFlags.None;
            flags |= f.Flag("blocking") ? LinedefFlags.Impassable : LinedefFlags.None;
            flags |= f.Flag("blockmonsters") ? LinedefFlags.BlocksMonsters : LinedefFlags.None;
            flags |= f.Flag("twosided") ? LinedefFlags.TwoSided : LinedefFlags.None;
            flags |= f.Flag("dontpegtop") ? LinedefFlags.UpperUnpegged : LinedefFlags.None;
            flags |= f.Flag("dontpegbottom") ? LinedefFlags.LowerUnpegged : LinedefFlags.None;
            flags |= f.Flag("secret") ? LinedefFlags.Secret : LinedefFlags.None;
            flags |= f.Flag("blocksound") ? LinedefFlags.BlocksSound : LinedefFlags.None;
            flags |= f.Flag("dontdraw") ? LinedefFlags.HiddenOnAutomap : LinedefFlags.None;
            flags |= f.Flag("mapped") ? LinedefFlags.ShownOnAutomap : LinedefFlags.None;
            flags |= f.Flag("passuse") ? LinedefFlags.PassUse : LinedefFlags.None;
            flags |= f.Flag("blockplayers") ? LinedefFlags.BlocksPlayers : LinedefFlags.None;
            flags |= f.Flag("blockeverything") ? LinedefFlags.BlocksEverything : LinedefFlags.None;
            flags |= f.Flag("blockuse") ? LinedefFlags.BlocksUse : LinedefFlags.None;
            flags |= f.Flag("midtex3d") ? LinedefFlags.SolidMiddleTexture : LinedefFlags.None;
            flags |= f.Flag("jumpover") ? LinedefFlags.Railing : LinedefFlags.None;

            var activation = LineActivation.None;
            activation |= f.Flag("playercross") ? LineActivation.PlayerCross : LineActivation.None;
            activation |= f.Flag("playeruse") ? LineActivation.PlayerUse : LineActivation.None;
            activation |= f.Flag("monstercross") ? LineActivation.MonsterCross : LineActivation.None;
            activation |= f.Flag("monsteruse") ? LineActivation.MonsterUse : LineActivation.None;
            activation |= f.Flag("impact") ? LineActivation.Impact : LineActivation.None;
            activation |= f.Flag("playerpush") ? LineActivation.PlayerPush : LineActivation.None;
            activation |= f.Flag("monsterpush") ? LineActivation.MonsterPush : LineActivation.None;
            activation |= f.Flag("missilecross") ? LineActivation.MissileCross : LineActivation.None;
            activation |= f.Flag("firstsideonly") ? LineActivation.FirstSideOnly : LineActivation.None;
            activation |= f.Flag("playeruseback") ? LineActivation.PlayerUseBack : LineActivation.None;
            activation |= f.Flag("repeatspecial") ? LineActivation.Repeatable : LineActivation.None;

            var args = Args(f);

            // UDMF keeps a line's identity (id) apart from what its special acts on (arg0); for Doom-numbered
            // specials arg0 plays the part of the binary tag (UDMF 1.1, "Tag / ID Behavior").
            return new Linedef(
                Start: f.RequiredInt("v1"),
                End: f.RequiredInt("v2"),
                Flags: flags,
                Special: f.Int("special", 0),
                Tag: _doomSpecials ? args.Arg0 : 0,
                Id: f.Int("id", _doomSpecials ? 0 : -1),
                Args: args,
                Activation: activation,
                FrontSide: f.Int("sidefront", -1),
                BackSide: f.Int("sideback", -1))
            {
                LockNumber = f.Int("locknumber", 0),
                MoreIds = f.Ids("moreids"),
            };
        }

        private static Sidedef ReadSide(Fields f) => new(
            OffsetX: f.Int("offsetx", 0),
            OffsetY: f.Int("offsety", 0),
            UpperTexture: f.Texture("texturetop"),
            LowerTexture: f.Texture("texturebottom"),
            MiddleTexture: f.Texture("texturemiddle"),
            Sector: f.RequiredInt("sector"));

        private static Sector ReadSector(Fields f) => new(
            FloorHeight: f.Height("heightfloor"),
            CeilingHeight: f.Height("heightceiling"),
            FloorFlat: f.Texture("texturefloor"),
            CeilingFlat: f.Texture("textureceiling"),
            LightLevel: f.Int("lightlevel", 160),
            Special: f.Int("special", 0),
            Tag: f.Int("id", 0))
        {
            DamageAmount = f.Int("damageamount", 0),
            MoreTags = f.Ids("moreids"),
            DamageInterval = f.Int("damageinterval", 32) is var interval and > 0 ? interval : 32,
        };

        private static SpecialArgs Args(Fields f) =>
            new(f.Int("arg0", 0), f.Int("arg1", 0), f.Int("arg2", 0), f.Int("arg3", 0), f.Int("arg4", 0));

        private string Texture(string name)
        {
            // Share one upper-cased string per name, as Doom compares them case-insensitively.
            if (!_textures.TryGetValue(name, out var upper))
            {
                upper = name.ToUpperInvariant();
                _textures.Add(name, upper);
            }

            return upper;
        }

        /// <summary>
        /// One block's fields, read with GZDoom's rules: a value of the wrong kind reads as GZDoom's fallback (0,
        /// false, no texture) and is recorded; the whole block is inspected first for keys no port reads.
        /// </summary>
        private readonly struct Fields
        {
            private readonly Builder _builder;
            private readonly UdmfBlock _block;
            private readonly ElementKind _element;
            private readonly int _index;

            public Fields(Builder builder, UdmfBlock block, ElementKind element, int index)
            {
                _builder = builder;
                _block = block;
                _element = element;
                _index = index;
                Inspect();
            }

            private string Label => $"{_block.Name} {_index}";

            public double Coordinate(string key)
            {
                if (!_block.TryGet(key, out var v))
                {
                    Missing(key);
                    return 0;
                }

                if (!v.IsNumber)
                {
                    Bad(key, v, "a number", "0");
                    return 0;
                }

                if (!(Math.Abs(v.Number) <= CoordinateLimit))
                {
                    throw new WadFormatException(
                        $"Level {_builder._level}, TEXTMAP line {v.Line}: {Label} has {key} = {v}, beyond the ±{CoordinateLimit} any Doom engine can hold.");
                }

                return v.Number;
            }

            /// <summary>A number the block may leave out: null without it.</summary>
            public double? Optional(string key) => _block.TryGet(key, out _) ? Number(key) : null;

            public double Number(string key)
            {
                if (!_block.TryGet(key, out var v))
                {
                    return 0;
                }

                if (!v.IsNumber || !double.IsFinite(v.Number))
                {
                    Bad(key, v, "a finite number", "0");
                    return 0;
                }

                return v.Number;
            }

            public int RequiredInt(string key)
            {
                if (!_block.TryGet(key, out _))
                {
                    Missing(key);
                    return 0;
                }

                return Int(key, 0);
            }

            // GZDoom's CheckInt: a fraction or a word reads as 0 (dsda-doom refuses the map).
            public int Int(string key, int fallback)
            {
                if (!_block.TryGet(key, out var v))
                {
                    return fallback;
                }

                if (v.Kind != UdmfValueKind.WholeNumber)
                {
                    Bad(key, v, "an integer", "0");
                    return 0;
                }

                if (v.Number is < int.MinValue or > int.MaxValue || double.IsNaN(v.Number))
                {
                    Bad(key, v, "an integer within ±2147483647", "0");
                    return 0;
                }

                return (int)v.Number;
            }

            // Sector heights: GZDoom reads them as coordinates (fractions allowed); this model keeps whole units.
            public int Height(string key)
            {
                if (!_block.TryGet(key, out var v))
                {
                    return 0;
                }

                var truncated = v.IsNumber ? Math.Truncate(v.Number) : double.NaN;
                if (truncated is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)truncated;
                }

                Bad(key, v, v.IsNumber ? "a height within ±2147483647" : "a number", "0");
                return 0;
            }

            // GZDoom's CheckBool: only true and false (any case); anything else reads as false.
            public bool Flag(string key)
            {
                if (!_block.TryGet(key, out var v))
                {
                    return false;
                }

                if (v.Kind != UdmfValueKind.Boolean)
                {
                    Bad(key, v, "true or false", "false");
                    return false;
                }

                return v.Number != 0;
            }

            // A quoted list of whole numbers apart by spaces (moreids); what is not a number is skipped. None gives the
            // default array, as a sector built without the field has, so that equal sectors compare equal.
            public ImmutableArray<int> Ids(string key)
            {
                var ids = _block.TryGet(key, out var v) && v.Kind == UdmfValueKind.Text && v.Text is { } text
                    ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id != 0).ToImmutableArray()
                    : [];
                return ids.IsEmpty ? default : ids;
            }

            public string Texture(string key)
            {
                if (!_block.TryGet(key, out var v))
                {
                    return Sidedef.NoTexture;
                }

                if (v.Kind != UdmfValueKind.Text || v.Text is null)
                {
                    Bad(key, v, "a quoted name", "no texture (\"-\")");
                    return Sidedef.NoTexture;
                }

                return _builder.Texture(v.Text);
            }

            private void Missing(string key) => _builder._problems.Add(
                CheckNames.UdmfMissingField,
                FindingSeverity.Minor,
                _element,
                _index,
                key,
                $"{Capital(Label)} (TEXTMAP line {_block.Line}) has no \"{key}\", which UDMF requires: GZDoom and dsda-doom read 0, and so does this reading.");

            private void Bad(string key, UdmfValue v, string expected, string readAs) => _builder._problems.Add(
                CheckNames.UdmfBadValue,
                FindingSeverity.Minor,
                _element,
                _index,
                key,
                $"{Capital(Label)} (TEXTMAP line {v.Line}) has {key} = {Shown(v)} where {expected} is due: GZDoom warns and " +
                $"reads {readAs}, dsda-doom refuses the map. Read as {readAs}.");

            // Keys no port reads, values and blocks no port reads under a key, keys given twice.
            private void Inspect()
            {
                var problems = _builder._problems;
                foreach (var (key, value) in _block.Fields)
                {
                    var known = UdmfFields.IsKnown(_block.Name, key);
                    if (value.Kind == UdmfValueKind.Malformed)
                    {
                        if (UdmfFields.DsdaReads(_block.Name, key))
                        {
                            throw new WadFormatException(
                                $"Level {_builder._level}, TEXTMAP line {value.Line}: expected ';' after the value of \"{key}\", found \"{value.Text}\" " +
                                $"({Label}); no port loads that (GZDoom refuses any value of several tokens, dsda-doom those of keys it reads).");
                        }

                        if (known)
                        {
                            problems.Add(
                                CheckNames.UdmfBadValue,
                                FindingSeverity.Minor,
                                _element,
                                _index,
                                key,
                                $"{Capital(Label)} (TEXTMAP line {value.Line}) has several tokens as the value of \"{key}\" (... {Shown(value)}): " +
                                "GZDoom refuses the map, dsda-doom skips the key. It is ignored.");
                            continue;
                        }
                    }

                    if (!known)
                    {
                        problems.Add(
                            CheckNames.UdmfUnknownField,
                            FindingSeverity.Info,
                            _element,
                            _index,
                            key,
                            $"{Capital(Label)} (TEXTMAP line {value.Line}) has the key \"{UdmfParser.Shorten(key)}\", which no port reads in a " +
                            $"{_block.Name} block; it is ignored.");
                    }
                }

                foreach (var key in _block.DuplicateKeys ?? [])
                {
                    problems.Add(
                        CheckNames.UdmfDuplicateField,
                        FindingSeverity.Info,
                        _element,
                        _index,
                        key,
                        $"{Capital(Label)} (TEXTMAP line {_block.Line}) assigns \"{UdmfParser.Shorten(key)}\" more than once: the last value counts, as in every port.");
                }

                foreach (var name in _block.NestedBlocks ?? [])
                {
                    if (UdmfFields.DsdaReads(_block.Name, name))
                    {
                        throw new WadFormatException(
                            $"Level {_builder._level}, TEXTMAP line {_block.Line}: {Label} holds a block \"{name} {{ ... }}\" where the value of " +
                            $"\"{name}\" is due; no port loads that.");
                    }

                    problems.Add(
                        CheckNames.UdmfUnknownBlock,
                        FindingSeverity.Info,
                        _element,
                        _index,
                        name,
                        $"{Capital(Label)} (TEXTMAP line {_block.Line}) holds a block \"{UdmfParser.Shorten(name)} {{ ... }}\": dsda-doom skips it, " +
                        "GZDoom refuses the map. It is ignored.");
                }
            }

            private static string Shown(UdmfValue v) => UdmfParser.Shorten(v.ToString());

            private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
        }
    }
}
