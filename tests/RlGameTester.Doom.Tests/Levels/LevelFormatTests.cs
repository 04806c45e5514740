using System.Buffers.Binary;
using System.Text;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Levels;

public sealed class LevelFormatTests
{
    // A 256x256 square room with a player start, written by hand.
    internal const string SquareRoomTextmap = """
        // Written by hand for the tests.
        namespace = "zdoom";
        vertex { x = 0.0; y = 0.0; }
        vertex { x = 256.0; y = 0.0; }
        vertex { x = 256.0; y = 256.0; }
        vertex { x = 0.0; y = 256.0; }
        linedef { v1 = 0; v2 = 3; sidefront = 0; blocking = true; }
        linedef { v1 = 3; v2 = 2; sidefront = 1; blocking = true; }
        linedef { v1 = 2; v2 = 1; sidefront = 2; blocking = true; special = 243; playeruse = true; }
        linedef { v1 = 1; v2 = 0; sidefront = 3; blocking = true; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; offsetx = 16; }
        sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 5; }
        thing { x = 128.0; y = 128.0; angle = 90; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; coop = true; dm = true; }
        thing { x = 64.0; y = 64.0; type = 3001; skill4 = true; skill5 = true; single = true; ambush = true; }
        """;

    internal static byte[] UdmfWad(string textmap, string name = "MAP01") =>
        WadWriter.Write([(name, []), ("TEXTMAP", Encoding.UTF8.GetBytes(textmap)), ("ENDMAP", [])]);

    [Fact]
    public void AHandWrittenUdmfLevelIsRead()
    {
        var level = LevelReader.Read(WadFile.Read(UdmfWad(SquareRoomTextmap)), "MAP01");

        Assert.Equal(LevelFormat.Udmf, level.Format);
        Assert.Equal("zdoom", level.UdmfNamespace);
        Assert.False(level.UsesDoomSpecials);
        Assert.Equal(4, level.Vertices.Length);
        Assert.Equal(4, level.Linedefs.Length);
        Assert.Equal(4, level.Sidedefs.Length);
        Assert.Single(level.Sectors);
        Assert.Equal(2, level.Things.Length);
        Assert.Equal(new Vertex(256, 256), level.Vertices[2]);
        Assert.Equal((3, 2, 1, -1), (level.Linedefs[1].Start, level.Linedefs[1].End, level.Linedefs[1].FrontSide, level.Linedefs[1].BackSide));
        Assert.True(level.Linedefs[0].HasFlag(LinedefFlags.Impassable));
        Assert.Equal(16, level.Sidedefs[3].OffsetX);
        Assert.Equal("-", level.Sidedefs[0].UpperTexture);
        Assert.Equal(new Sector(0, 128, "FLOOR0_1", "CEIL1_1", 192, 0, 5), level.Sectors[0]);
        Assert.Equal(Skills.All, level.Things[0].Skills);
        Assert.Equal(GameModes.All, level.Things[0].Modes);
        Assert.Equal(90, level.Things[0].Angle);
        Assert.Equal(Skills.Hard, level.Things[1].Skills);
        Assert.Equal(GameModes.SinglePlayer, level.Things[1].Modes);
        Assert.True(level.Things[1].Ambush);
    }

    [Fact]
    public void UdmfInTheDoomNamespaceTakesTheTagFromArg0()
    {
        var textmap = SquareRoomTextmap.Replace("\"zdoom\"", "\"Doom\"", StringComparison.Ordinal)
            .Replace("linedef { v1 = 0; v2 = 3; sidefront = 0;", "linedef { v1 = 0; v2 = 3; sidefront = 0; special = 62; arg0 = 5; id = 9;", StringComparison.Ordinal);

        var level = LevelReader.Read(WadFile.Read(UdmfWad(textmap)), "MAP01");

        Assert.True(level.UsesDoomSpecials);
        Assert.Equal((62, 5, 9), (level.Linedefs[0].Special, level.Linedefs[0].Tag, level.Linedefs[0].Id));
    }

    [Fact]
    public void AUdmfSyntaxErrorNamesTheLevelAndLine()
    {
        var broken = SquareRoomTextmap.Replace("vertex { x = 256.0; y = 0.0; }", "vertex { x = 256.0 y = 0.0; }", StringComparison.Ordinal);

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(WadFile.Read(UdmfWad(broken))));

        Assert.StartsWith("Level MAP01, TEXTMAP line 4: expected ';' after the value of \"x\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUdmfLinedefWithoutItsFirstVertexUsesVertexZeroAsThePortsDo()
    {
        var broken = SquareRoomTextmap.Replace("linedef { v1 = 3; v2 = 2;", "linedef { v2 = 2;", StringComparison.Ordinal);

        var level = LevelReader.ReadAll(WadFile.Read(UdmfWad(broken))).Single();

        Assert.Equal((0, 2), (level.Linedefs[1].Start, level.Linedefs[1].End));
        var problem = Assert.Single(level.ReadProblems);
        Assert.Equal((CheckNames.UdmfMissingField, ElementKind.Line, 1), (problem.Check, problem.Element, problem.Index));
        Assert.Equal("Linedef 1 (TEXTMAP line 8) has no \"v1\", which UDMF requires: GZDoom and dsda-doom read 0, and so does this reading.", problem.Message);
    }

    [Fact]
    public void AUdmfReferenceOutOfRangeNamesTheElement()
    {
        var broken = SquareRoomTextmap.Replace("sidedef { sector = 0; texturemiddle = \"STARTAN3\"; offsetx = 16; }", "sidedef { sector = 7; }", StringComparison.Ordinal);

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(WadFile.Read(UdmfWad(broken))));

        Assert.Equal("Level MAP01: sidedef 3 (TEXTMAP) belongs to sector 7, but the level has only 1 sectors (SECTORS).", error.Message);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-2000000.0")]
    public void AUdmfCoordinateNoEngineCanHoldIsUnreadable(string value)
    {
        var broken = SquareRoomTextmap.Replace("vertex { x = 256.0; y = 256.0; }", $"vertex {{ x = 256.0; y = {value}; }}", StringComparison.Ordinal);

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(WadFile.Read(UdmfWad(broken))));

        Assert.StartsWith("Level MAP01, TEXTMAP line 5: vertex 2 has y = ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUdmfLevelWithoutEndmapOrZnodesIsUnreadable()
    {
        var wad = WadWriter.Write([("MAP01", []), ("TEXTMAP", Encoding.UTF8.GetBytes(SquareRoomTextmap))]);

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(WadFile.Read(wad)));

        Assert.Equal(
            "Level MAP01: its TEXTMAP is not followed by an ENDMAP lump (GZDoom refuses such a level) and it has no ZNODES " +
            "lump (dsda-doom needs one to play UDMF), so no port loads it.",
            error.Message);
    }

    [Fact]
    public void ALinedefUsingAMissingVertexNamesTheLineAndVertex()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        level.SetLineField(5, 1, 60000);

        var error = Assert.Throws<WadFormatException>(() => Pipeline.Run(level.ToWad()));

        Assert.StartsWith("Level MAP01: linedef 5 (LINEDEFS) uses vertex 60000 as its end, but the level has only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASidedefInAMissingSectorIsUnreadableWhenThereIsNoSectorToFallBackTo()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        level["SECTORS"] = [];

        var error = Assert.Throws<WadFormatException>(() => Pipeline.Run(level.ToWad()));

        Assert.StartsWith("Level MAP01: sidedef 0 (SIDEDEFS) belongs to sector", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("but the level has only 0 sectors (SECTORS).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelMissingARequiredLumpIsUnreadable()
    {
        var wad = WadWriter.Write([("MAP01", []), ("THINGS", new byte[10]), ("LINEDEFS", []), ("SIDEDEFS", []), ("VERTEXES", [])]);

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(WadFile.Read(wad)));

        Assert.StartsWith("Level MAP01 has no SECTORS lump", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHexenFormatLevelReadsItsWiderRecords()
    {
        var things = new byte[20];
        BinaryPrimitives.WriteInt16LittleEndian(things, 7);                  // tid
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(2), 64);        // x
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(4), -32);       // y
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(6), 8);         // z
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(8), 180);       // angle
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(10), 1);        // type
        BinaryPrimitives.WriteInt16LittleEndian(things.AsSpan(12), 0x107);    // skills + single player
        things[14] = 80;                                                       // ACS_Execute
        things[15] = 3;
        var lines = new byte[16 * 2];
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(4), 0x4201 | (1 << 10)); // impassable, block players, repeatable, use
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(16 + 4), 0x8000);      // ZDoom's block everything
        lines[6] = 12;                                                        // Door_Raise
        lines[7] = 4;
        lines[8] = 16;
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(12), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(14), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(16 + 12), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(lines.AsSpan(16 + 14), 0xFFFF);
        var sides = new byte[30];
        "STARTAN3"u8.CopyTo(sides.AsSpan(20));
        var vertices = new byte[8];
        BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan(4), 128);
        var sectors = new byte[26];
        BinaryPrimitives.WriteInt16LittleEndian(sectors.AsSpan(2), 128);
        var wad = WadWriter.Write([
            ("MAP01", []), ("THINGS", things), ("LINEDEFS", lines), ("SIDEDEFS", sides), ("VERTEXES", vertices),
            ("SECTORS", sectors), ("BEHAVIOR", [0x41, 0x43, 0x53, 0])]);

        var level = LevelReader.Read(WadFile.Read(wad), "MAP01");

        Assert.Equal(LevelFormat.Hexen, level.Format);
        Assert.True(level.HasScripts);
        var thing = level.Things[0];
        Assert.Equal((7, 64.0, -32.0, 8.0, 180, 1), (thing.Tid, thing.X, thing.Y, thing.Z, thing.Angle, thing.Type));
        Assert.Equal(Skills.All, thing.Skills);
        Assert.Equal(GameModes.SinglePlayer, thing.Modes);
        Assert.Equal((80, 3), (thing.Special, thing.Args.Arg0));
        var line = level.Linedefs[0];
        Assert.Equal((12, 4, 16), (line.Special, line.Args.Arg0, line.Args.Arg1));
        Assert.Equal(LineActivation.PlayerUse | LineActivation.Repeatable, line.Activation);
        Assert.Equal(LinedefFlags.Impassable | LinedefFlags.BlocksPlayers, line.Flags);
        Assert.Equal(0, line.Tag);
        Assert.Equal(LinedefFlags.BlocksEverything, level.Linedefs[1].Flags);
        Assert.True(level.Linedefs[1].BlocksPlayer && level.Linedefs[1].BlocksUse);
    }

    [Fact]
    public void DoomThingFlagsDecodeToSkillsAndModes()
    {
        var level = LevelReader.Read(Fixtures.Freedoom2, "MAP01");
        var raw = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");

        for (var i = 0; i < level.Things.Length; i++)
        {
            var flags = raw.Thing(i).Flags;
            var thing = level.Things[i];
            Assert.Equal((flags & 1) != 0, (thing.Skills & Skills.Skill2) != 0);
            Assert.Equal((flags & 2) != 0, (thing.Skills & Skills.Skill3) != 0);
            Assert.Equal((flags & 4) != 0, (thing.Skills & Skills.Skill5) != 0);
            Assert.Equal((flags & 16) == 0, (thing.Modes & GameModes.SinglePlayer) != 0);
        }
    }
}
