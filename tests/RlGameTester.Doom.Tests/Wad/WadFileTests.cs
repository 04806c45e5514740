using System.Buffers.Binary;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Wad;

public sealed class WadFileTests
{
    [Fact]
    public void FreedoomDirectoryMatchesANaiveReading()
    {
        var raw = RawLumps.Directory(Fixtures.Freedoom2Data);

        var wad = Fixtures.Freedoom2;

        Assert.Equal(WadKind.Iwad, wad.Kind);
        Assert.Equal(raw.Count, wad.Lumps.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            Assert.Equal(raw[i].Name, wad.Lumps[i].Name);
            Assert.Equal(raw[i].Size, wad.Lumps[i].Size);
            if (raw[i].Size > 0)
            {
                Assert.Equal(raw[i].Offset, wad.Lumps[i].Offset);
            }
        }
    }

    [Fact]
    public void FindReturnsTheLastLumpOfANameCaseInsensitively()
    {
        var wad = WadFile.Read(WadWriter.Write([("DATA", [1]), ("OTHER", [2]), ("DATA", [3, 4])]));

        var found = wad.Find("data");

        Assert.NotNull(found);
        Assert.Equal(2, found.Index);
        Assert.Equal(new byte[] { 3, 4 }, found.Data.ToArray());
        Assert.Null(wad.Find("MISSING"));
        Assert.Equal(0, wad.IndexOf("DATA"));
        Assert.Equal(2, wad.IndexOf("DATA", 1));
    }

    [Fact]
    public void NamespacesHoldTheLumpsBetweenTheirMarkersButNotNestedMarkers()
    {
        var flats = Fixtures.Freedoom2.GetNamespace(WadNamespace.Flats);
        var patches = Fixtures.Freedoom2.GetNamespace(WadNamespace.Patches);

        Assert.Contains(flats, l => l.Name == "F_SKY1");
        Assert.DoesNotContain(flats, l => l.Name.EndsWith("_START", StringComparison.Ordinal) || l.Name.EndsWith("_END", StringComparison.Ordinal));
        Assert.All(flats, l => Assert.Equal(4096, l.Size));
        Assert.NotEmpty(patches);
        Assert.DoesNotContain(patches, l => l.Name == "F_SKY1");
    }

    [Fact]
    public void FlatsBetweenFFStartAndFEndAreFlats()
    {
        var wad = WadFile.Read(WadWriter.Write([("FF_START", []), ("MYFLAT", new byte[4096]), ("F_END", []), ("AFTER", [1])]));

        Assert.Equal(["MYFLAT"], wad.GetNamespace(WadNamespace.Flats).Select(l => l.Name));
        Assert.Equal(WadNamespace.Global, wad.Find("AFTER")!.Namespace);
    }

    [Fact]
    public void ANonWadIsRejectedForItsMagic()
    {
        var error = Assert.Throws<WadFormatException>(() => WadFile.Read("PK\u0003\u0004 this is a zip"u8.ToArray()));

        Assert.StartsWith("Not a WAD file: it starts with bytes 504B0304", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrintableWrongMagicIsQuoted()
    {
        var error = Assert.Throws<WadFormatException>(() => WadFile.Read("<html><body>"u8.ToArray()));

        Assert.StartsWith("Not a WAD file: it starts with \"<htm\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedHeaderIsRejected()
    {
        var error = Assert.Throws<WadFormatException>(() => WadFile.Read("PWAD\u0001\u0000"u8.ToArray()));

        Assert.Contains("Truncated WAD header", error.Message, StringComparison.Ordinal);
        Assert.Contains("6 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryPastTheEndOfTheFileIsRejected()
    {
        var bytes = WadWriter.Write([("A", [1, 2, 3])]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), bytes.Length - 8);

        var error = Assert.Throws<WadFormatException>(() => WadFile.Read(bytes));

        Assert.Contains("directory is outside the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALumpCountWhoseDirectoryCannotFitIsRejectedAsAbsurd()
    {
        var bytes = WadWriter.Write([("A", [1, 2, 3])]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 100_000_000);

        var error = Assert.Throws<WadFormatException>(() => WadFile.Read(bytes));

        Assert.Contains("Absurd lump count 100000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeLumpCountIsRejected()
    {
        var bytes = WadWriter.Write([("A", [1])]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), -1);

        var error = Assert.Throws<WadFormatException>(() => WadFile.Read(bytes));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALumpPastTheEndIsNamedWithItsOffsetSizeAndTheFileLength()
    {
        var bytes = WadWriter.Write([("FIRST", [1, 2]), ("BROKEN", [1, 2, 3, 4])]);
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + 16 + 4), 5000);

        var error = Assert.Throws<WadFormatException>(() => WadFile.Read(bytes));

        Assert.Equal(
            $"Lump \"BROKEN\" (directory entry 1) lies outside the file: offset 14, size 5000, but the file is {bytes.Length} bytes long.",
            error.Message);
    }

    [Fact]
    public void ALumpOverlappingTheDirectoryIsReadAsItIsWithAProblem()
    {
        var bytes = WadWriter.Write([("FIRST", [1, 2]), ("SECOND", [3, 4])]);
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + 16), directory - 1);

        var wad = WadFile.Read(bytes);

        Assert.Equal([4, bytes[directory]], wad.Lumps[1].Data.ToArray());
        var problem = Assert.Single(wad.Problems);
        Assert.Equal((CheckNames.WadOverlap, 1), (problem.Check, problem.LumpIndex));
        Assert.Contains("\"SECOND\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("overlaps the WAD directory", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALumpOverlappingTheHeaderIsReadAsItIsWithAProblem()
    {
        var bytes = WadWriter.Write([("FIRST", [1, 2]), ("SECOND", [3, 4])]);
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + 16), 2);

        var wad = WadFile.Read(bytes);

        Assert.Equal("AD"u8.ToArray(), wad.Lumps[1].Data.ToArray());
        Assert.Contains("overlaps the WAD header", Assert.Single(wad.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryOfOverlappingLumpsKeepsAHundredProblemsAndCountsTheRest()
    {
        var bytes = WadWriter.Write([.. Enumerable.Range(0, 150).Select(i => ($"L{i}", new byte[] { 1 }))]);
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        for (var i = 0; i < 150; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory + (16 * i)), 0);
        }

        var wad = WadFile.Read(bytes);

        Assert.Equal(101, wad.Problems.Count);
        Assert.Equal("50 more lumps overlap the WAD header or directory; their bytes are read as they are.", wad.Problems[^1].Message);
    }

    [Fact]
    public void ADirectoryOverlappingTheHeaderIsReadFromTheHeadersBytesWithAProblem()
    {
        // At offset 4 the one entry's position is the lump count (1) and its size the directory offset (4).
        var bytes = WadWriter.Write([("FIRST", [3, 4])]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 4);

        var wad = WadFile.Read(bytes);

        Assert.Equal("WAD\u0001"u8.ToArray(), Assert.Single(wad.Lumps).Data.ToArray());
        Assert.Contains(wad.Problems, p => p.LumpIndex is null && p.Message.StartsWith("The WAD directory overlaps the header", StringComparison.Ordinal));
        Assert.Contains(wad.Problems, p => p.LumpIndex == 0 && p.Message.Contains("overlaps the WAD header", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyMarkersMayPointAnywhere()
    {
        var bytes = WadWriter.Write([("MARKER", []), ("DATA", [9])]);
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory), int.MaxValue);

        var wad = WadFile.Read(bytes);

        Assert.Equal(0, wad.Lumps[0].Size);
    }

    [Fact]
    public void AWadWithoutLevelsIsReportedWhenLevelsAreAskedFor()
    {
        var wad = WadFile.Read(WadWriter.Write([("PLAYPAL", new byte[768]), ("README", [1])]));

        var error = Assert.Throws<WadFormatException>(() => LevelReader.ReadAll(wad));

        Assert.Contains("contains no level", error.Message, StringComparison.Ordinal);
        Assert.Empty(LevelDirectory.Find(wad));
    }
}
