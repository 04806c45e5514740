using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>Reads binary Doom- and Hexen-format levels.</summary>
internal static class BinaryLevelReader
{
    internal const int DoomThingSize = 10;
    internal const int HexenThingSize = 20;
    internal const int DoomLinedefSize = 14;
    internal const int HexenLinedefSize = 16;
    internal const int SidedefSize = 30;
    internal const int VertexSize = 4;
    internal const int SectorSize = 26;
    private const ushort NoSide = 0xFFFF;

    public static Level Read(LevelEntry entry)
    {
        var hexen = entry.Format == LevelFormat.Hexen;
        var names = new NameCache();
        var problems = new ReadProblemCollector();
        problems.AddWadProblems(entry.WadProblems);
        var thingsLump = Require(entry, "THINGS");
        var linesLump = Require(entry, "LINEDEFS");
        var sidesLump = Require(entry, "SIDEDEFS");
        var vertexLump = Require(entry, "VERTEXES");
        var sectorLump = Require(entry, "SECTORS");

        var things = hexen ? ReadHexenThings(thingsLump, problems) : ReadDoomThings(thingsLump, problems);
        var lines = hexen ? ReadHexenLines(linesLump, problems) : ReadDoomLines(linesLump, problems);
        var sides = ReadSides(sidesLump, names, problems);
        var vertices = ReadVertices(vertexLump, problems);
        var sectors = ReadSectors(sectorLump, names, problems);

        LevelValidator.Validate(entry.Name, "LINEDEFS", "SIDEDEFS", lines, sides, vertices.Length, sectors.Length, sectorFallback: true, problems);
        return new Level(
            entry.Name,
            entry.Format,
            null,
            ImmutableCollectionsMarshal.AsImmutableArray(things),
            ImmutableCollectionsMarshal.AsImmutableArray(lines),
            ImmutableCollectionsMarshal.AsImmutableArray(sides),
            ImmutableCollectionsMarshal.AsImmutableArray(vertices),
            ImmutableCollectionsMarshal.AsImmutableArray(sectors),
            hasScripts: hexen,
            usesDoomSpecials: !hexen,
            problems.ToImmutable());
    }

    private static WadLump Require(LevelEntry entry, string name) =>
        entry.FindLump(name) ?? throw new WadFormatException(
            $"Level {entry.Name} has no {name} lump (its lumps: {string.Join(", ", entry.Lumps.Select(l => l.Name))}).");

    // Every port divides a lump's size by the record size and ignores what is left over; so does this reading.
    private static int RecordCount(WadLump lump, int recordSize, string what, ReadProblemCollector problems)
    {
        if (lump.Size % recordSize != 0)
        {
            problems.Add(
                CheckNames.PartialLumpRecord,
                FindingSeverity.Minor,
                ElementKind.Level,
                null,
                lump.Name,
                $"{lump.Name} is {lump.Size} bytes long, which is not a whole number of {recordSize}-byte {what} records: " +
                $"the {lump.Size % recordSize} bytes after its {lump.Size / recordSize} records are ignored, as every port ignores them.");
        }

        return lump.Size / recordSize;
    }

    private static Thing[] ReadDoomThings(WadLump lump, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, DoomThingSize, "thing", problems);
        var data = lump.Data.Span;
        var things = new Thing[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * DoomThingSize, DoomThingSize);
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(r[8..]);
            things[i] = new Thing(
                X: BinaryPrimitives.ReadInt16LittleEndian(r),
                Y: BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
                Z: 0,
                Angle: BinaryPrimitives.ReadInt16LittleEndian(r[4..]),
                Type: BinaryPrimitives.ReadUInt16LittleEndian(r[6..]),
                Flags: flags,
                Skills: SkillsFromBinary(flags),
                Modes: DoomModes(flags),
                Ambush: (flags & 0x8) != 0,
                Tid: 0,
                Special: 0,
                Args: default);
        }

        return things;
    }

    private static Thing[] ReadHexenThings(WadLump lump, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, HexenThingSize, "Hexen thing", problems);
        var data = lump.Data.Span;
        var things = new Thing[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * HexenThingSize, HexenThingSize);
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(r[12..]);
            var modes = GameModes.None;
            modes |= (flags & 0x100) != 0 ? GameModes.SinglePlayer : GameModes.None;
            modes |= (flags & 0x200) != 0 ? GameModes.Cooperative : GameModes.None;
            modes |= (flags & 0x400) != 0 ? GameModes.Deathmatch : GameModes.None;
            things[i] = new Thing(
                X: BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
                Y: BinaryPrimitives.ReadInt16LittleEndian(r[4..]),
                Z: BinaryPrimitives.ReadInt16LittleEndian(r[6..]),
                Angle: BinaryPrimitives.ReadInt16LittleEndian(r[8..]),
                Type: BinaryPrimitives.ReadUInt16LittleEndian(r[10..]),
                Flags: flags,
                Skills: SkillsFromBinary(flags),
                Modes: modes,
                Ambush: (flags & 0x8) != 0,
                Tid: BinaryPrimitives.ReadInt16LittleEndian(r),
                Special: r[14],
                Args: new SpecialArgs(r[15], r[16], r[17], r[18], r[19]));
        }

        return things;
    }

    private static Linedef[] ReadDoomLines(WadLump lump, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, DoomLinedefSize, "linedef", problems);
        var data = lump.Data.Span;
        var lines = new Linedef[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * DoomLinedefSize, DoomLinedefSize);
            int tag = BinaryPrimitives.ReadUInt16LittleEndian(r[8..]);
            int flags = BinaryPrimitives.ReadUInt16LittleEndian(r[4..]);
            lines[i] = new Linedef(
                Start: BinaryPrimitives.ReadUInt16LittleEndian(r),
                End: BinaryPrimitives.ReadUInt16LittleEndian(r[2..]),
                // Bit 11 (Eternity's reserved bit) set by old editors makes Boom's ports and GZDoom drop every bit
                // above Doom's nine (comp_reservedlineflag), MBF21's "block players" (bit 13) among them.
                Flags: (LinedefFlags)((flags & 0x800) != 0 ? flags & 0x1FF : flags),
                Special: BinaryPrimitives.ReadUInt16LittleEndian(r[6..]),
                Tag: tag,
                Id: tag,
                Args: new SpecialArgs(tag, 0, 0, 0, 0),
                Activation: LineActivation.None,
                FrontSide: Side(BinaryPrimitives.ReadUInt16LittleEndian(r[10..])),
                BackSide: Side(BinaryPrimitives.ReadUInt16LittleEndian(r[12..])));
        }

        return lines;
    }

    private static Linedef[] ReadHexenLines(WadLump lump, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, HexenLinedefSize, "Hexen linedef", problems);
        var data = lump.Data.Span;
        var lines = new Linedef[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * HexenLinedefSize, HexenLinedefSize);
            int rawFlags = BinaryPrimitives.ReadUInt16LittleEndian(r[4..]);
            int special = r[6];
            var args = new SpecialArgs(r[7], r[8], r[9], r[10], r[11]);

            // Hexen reuses bit 0x200 for "repeatable" and bits 0x1C00 for the activation kind.
            var activation = ((rawFlags >> 10) & 7) switch
            {
                0 => LineActivation.PlayerCross,
                1 => LineActivation.PlayerUse,
                2 => LineActivation.MonsterCross,
                3 => LineActivation.Impact,
                4 => LineActivation.PlayerPush,
                5 => LineActivation.MissileCross,
                _ => LineActivation.PlayerUse,
            };
            if ((rawFlags & 0x200) != 0)
            {
                activation |= LineActivation.Repeatable;
            }

            if ((rawFlags & 0x2000) != 0)
            {
                activation |= LineActivation.MonsterUse;
            }

            lines[i] = new Linedef(
                Start: BinaryPrimitives.ReadUInt16LittleEndian(r),
                End: BinaryPrimitives.ReadUInt16LittleEndian(r[2..]),
                // ZDoom's bits 14 (block players) and 15 (block everything).
                // Line_SetIdentification's second argument holds more flags; 2 is a jump-over railing, 32 a solid (3D) middle texture.
                Flags: (LinedefFlags)(rawFlags & 0x1FF)
                    | ((rawFlags & 0x4000) != 0 ? LinedefFlags.BlocksPlayers : LinedefFlags.None)
                    | ((rawFlags & 0x8000) != 0 ? LinedefFlags.BlocksEverything : LinedefFlags.None)
                    | (special == 121 && (args.Arg1 & 32) != 0 ? LinedefFlags.SolidMiddleTexture : LinedefFlags.None)
                    | (special == 121 && (args.Arg1 & 2) != 0 ? LinedefFlags.Railing : LinedefFlags.None),
                Special: special,
                Tag: 0,
                Id: special == 121 ? args.Arg0 : 0,
                Args: args,
                Activation: special == 0 ? LineActivation.None : activation,
                FrontSide: Side(BinaryPrimitives.ReadUInt16LittleEndian(r[12..])),
                BackSide: Side(BinaryPrimitives.ReadUInt16LittleEndian(r[14..])));
        }

        return lines;
    }

    private static Sidedef[] ReadSides(WadLump lump, NameCache names, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, SidedefSize, "sidedef", problems);
        var data = lump.Data.Span;
        var sides = new Sidedef[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * SidedefSize, SidedefSize);
            sides[i] = new Sidedef(
                OffsetX: BinaryPrimitives.ReadInt16LittleEndian(r),
                OffsetY: BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
                UpperTexture: names.Get(r.Slice(4, 8)),
                LowerTexture: names.Get(r.Slice(12, 8)),
                MiddleTexture: names.Get(r.Slice(20, 8)),
                Sector: BinaryPrimitives.ReadUInt16LittleEndian(r[28..]));
        }

        return sides;
    }

    private static Vertex[] ReadVertices(WadLump lump, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, VertexSize, "vertex", problems);
        var data = lump.Data.Span;
        var vertices = new Vertex[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * VertexSize, VertexSize);
            vertices[i] = new Vertex(BinaryPrimitives.ReadInt16LittleEndian(r), BinaryPrimitives.ReadInt16LittleEndian(r[2..]));
        }

        return vertices;
    }

    private static Sector[] ReadSectors(WadLump lump, NameCache names, ReadProblemCollector problems)
    {
        var count = RecordCount(lump, SectorSize, "sector", problems);
        var data = lump.Data.Span;
        var sectors = new Sector[count];
        for (var i = 0; i < count; i++)
        {
            var r = data.Slice(i * SectorSize, SectorSize);
            sectors[i] = new Sector(
                FloorHeight: BinaryPrimitives.ReadInt16LittleEndian(r),
                CeilingHeight: BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
                FloorFlat: names.Get(r.Slice(4, 8)),
                CeilingFlat: names.Get(r.Slice(12, 8)),
                LightLevel: BinaryPrimitives.ReadInt16LittleEndian(r[20..]),
                Special: BinaryPrimitives.ReadUInt16LittleEndian(r[22..]),
                Tag: BinaryPrimitives.ReadUInt16LittleEndian(r[24..]));
        }

        return sectors;
    }

    private static int Side(ushort raw) => raw == NoSide ? -1 : raw;

    // Binary flags 1, 2 and 4 each cover a pair of skills (1-2, 3, 4-5), as in P_SpawnMapThing.
    private static Skills SkillsFromBinary(int flags)
    {
        var skills = Skills.None;
        if ((flags & 1) != 0)
        {
            skills |= Skills.Easy;
        }

        if ((flags & 2) != 0)
        {
            skills |= Skills.Medium;
        }

        if ((flags & 4) != 0)
        {
            skills |= Skills.Hard;
        }

        return skills;
    }

    private static GameModes DoomModes(int flags)
    {
        var modes = (flags & 0x10) != 0 ? GameModes.Cooperative | GameModes.Deathmatch : GameModes.All;

        // Boom's "not in deathmatch"/"not in coop" bits; Boom ignores them when the reserved bit 0x100 is set,
        // because old editors filled unused bits with garbage.
        if ((flags & 0x100) == 0)
        {
            if ((flags & 0x20) != 0)
            {
                modes &= ~GameModes.Deathmatch;
            }

            if ((flags & 0x40) != 0)
            {
                modes &= ~GameModes.Cooperative;
            }
        }

        return modes;
    }
}
