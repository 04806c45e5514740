using System.Buffers.Binary;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Wad;

/// <summary>
/// Whatever bytes arrive, the library either reads them or says why with <see cref="WadFormatException"/>:
/// any other exception (index out of range, overflow, null reference...) is a bug.
/// </summary>
public sealed class CorruptInputTests
{
    private static readonly Lazy<byte[]> Map01Wad = new(() => new EditableLevel(Fixtures.Freedoom2Data, "MAP01").ToWad());

    [Fact]
    public void TruncatingAUdmfWadAtEveryLengthGivesOnlyWadFormatExceptions()
    {
        var bytes = Fixtures.ScenarioBytes("defend_the_center");

        for (var length = 0; length < bytes.Length; length++)
        {
            AssertReadsOrExplains(bytes.AsSpan(0, length).ToArray(), $"truncated to {length} bytes");
        }
    }

    [Fact]
    public void TruncatingABinaryLevelWadAtManyLengthsGivesOnlyWadFormatExceptions()
    {
        var bytes = Map01Wad.Value;

        for (var length = 0; length < bytes.Length; length += 97)
        {
            AssertReadsOrExplains(bytes.AsSpan(0, length).ToArray(), $"truncated to {length} bytes");
        }
    }

    [Fact]
    public void ShrinkingEachLevelLumpGivesOnlyWadFormatExceptions()
    {
        var original = Map01Wad.Value;
        var directory = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(8));
        var count = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(4));
        for (var entry = 0; entry < count; entry++)
        {
            foreach (var cut in new[] { 1, 2, 7, 13, 29 })
            {
                var bytes = (byte[])original.Clone();
                var sizeField = bytes.AsSpan(directory + (16 * entry) + 4);
                var size = BinaryPrimitives.ReadInt32LittleEndian(sizeField);
                BinaryPrimitives.WriteInt32LittleEndian(sizeField, Math.Max(0, size - cut));
                AssertReadsOrExplains(bytes, $"lump {entry} shortened by {cut}");
            }
        }
    }

    [Fact]
    public void RandomBytesGiveOnlyWadFormatExceptions()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
            {
                "PWAD"u8.CopyTo(bytes);
            }

            AssertReadsOrExplains(bytes, $"random file {i}");
        }
    }

    [Fact]
    public void HugeAndBoundaryValuesInTheHeaderAndDirectoryGiveOnlyWadFormatExceptions()
    {
        int[] values = [int.MinValue, -1, 0, 1, 11, 12, 13, 4095, 65535, int.MaxValue / 16, int.MaxValue - 1, int.MaxValue];
        var original = Map01Wad.Value;
        var directory = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(8));
        var fields = new List<int> { 4, 8 };
        for (var entry = 0; entry < 11; entry++)
        {
            fields.Add(directory + (16 * entry));
            fields.Add(directory + (16 * entry) + 4);
        }

        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                var bytes = (byte[])original.Clone();
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(field), value);
                AssertReadsOrExplains(bytes, $"field at {field} set to {value}");
            }
        }
    }

    [Fact]
    public void RandomMutationsOfARealWadsHeaderAndDirectoryGiveOnlyWadFormatExceptions()
    {
        var original = Map01Wad.Value;
        var directory = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(8));
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var position = random.Next(3) == 0 ? random.Next(0, 12) : random.Next(directory, bytes.Length);
                bytes[position] = (byte)random.Next(256);
            }

            AssertReadsOrExplains(bytes, $"directory mutation {i}");
        }
    }

    [Fact]
    public void RandomMutationsOfLevelDataGiveOnlyWadFormatExceptions()
    {
        var original = Map01Wad.Value;
        var directory = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(8));
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 40); k > 0; k--)
            {
                bytes[random.Next(12, directory)] = (byte)random.Next(256);
            }

            AssertReadsOrExplains(bytes, $"data mutation {i}");
        }
    }

    [Fact]
    public void RandomMutationsOfAUdmfTextmapGiveOnlyWadFormatExceptions()
    {
        var original = Fixtures.ScenarioBytes("health_gathering_supreme");
        var random = new Random(99);
        byte[] interesting = "{}=;\"/*-.0x9e\n"u8.ToArray();
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                bytes[random.Next(12, 20000)] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            AssertReadsOrExplains(bytes, $"textmap mutation {i}");
        }
    }

    [Fact]
    public void RandomTokensInATextmapGiveOnlyWadFormatExceptions()
    {
        string[] pieces =
        [
            "thing", "linedef", "sidedef", "vertex", "sector", "custom", "{", "}", "=", ";", "1", "-", "+", "0x", "0xFFFFFFFFFFFFFFFFFFFF",
            "010", "09", "1e999", "-2.5", "\"s\"", "'", "'n'", "(", ")", "/", "/*", "//", "\n", "x", "y", "v1", "v2", "sidefront",
            "sideback", "sector", "type", "true", "FALSE", "namespace", "\"zdoom\"", "\"doom\"", "user_a", "1", "99999999999",
        ];
        var random = new Random(2024);
        for (var i = 0; i < 400; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 300)).Select(_ => pieces[random.Next(pieces.Length)]));
            AssertReadsOrExplains(Levels.LevelFormatTests.UdmfWad(text), $"token soup {i}: {text}");
        }
    }

    [Fact]
    public void RandomValuesInAReadableTextmapGiveOnlyWadFormatExceptions()
    {
        string[] values = ["0", "-1", "7", "65535", "2147483648", "1.5", "1e999", "true", "TRUE", "word", "\"TEXT\"", "0x10", "010", "- 3", "1 2", "(", "'q'"];
        var room = Levels.LevelFormatTests.SquareRoomTextmap;
        var slots = System.Text.RegularExpressions.Regex.Matches(room, "= ([^;]*);").Select(m => m.Groups[1]).ToList();
        var random = new Random(77);
        for (var i = 0; i < 400; i++)
        {
            var text = room;
            foreach (var slot in slots.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).OrderByDescending(g => g.Index))
            {
                text = text[..slot.Index] + values[random.Next(values.Length)] + text[(slot.Index + slot.Length)..];
            }

            AssertReadsOrExplains(Levels.LevelFormatTests.UdmfWad(text), $"value mutation {i}: {text}");
        }
    }

    [Fact]
    public void ExtremeButReadableUdmfValuesDoNotBreakMetadataOrChecks()
    {
        var textmap = Levels.LevelFormatTests.SquareRoomTextmap
            .Replace("vertex { x = 256.0; y = 256.0; }", "vertex { x = 999999.0; y = -999999.0; }", StringComparison.Ordinal)
            .Replace("heightfloor = 0; heightceiling = 128;", "heightfloor = 2147483647; heightceiling = -2147483648; special = -7; id = -1;", StringComparison.Ordinal)
            .Replace("type = 3001;", "type = -5; angle = 2147483647;", StringComparison.Ordinal)
            .Replace("sidefront = 1;", "sidefront = 1; special = 2147483647; arg0 = -2147483648;", StringComparison.Ordinal);

        var (_, metadata, findings) = Pipeline.Run(Levels.LevelFormatTests.UdmfWad(textmap)).Single();

        Assert.Equal(999999, metadata.Bounds.MaxX);
        Assert.All(findings, f => Assert.True(double.IsFinite(f.X) && double.IsFinite(f.Y)));
        System.Text.Json.JsonSerializer.Serialize(metadata);
        System.Text.Json.JsonSerializer.Serialize(findings);
    }

    [Fact]
    public void DamagedGraphicsGiveOnlyWadFormatExceptionsWhenDecoded()
    {
        var random = new Random(5);
        var iwad = Fixtures.Freedoom2;
        var patch = iwad.Find("WALL00_1") ?? iwad.GetNamespace(WadNamespace.Patches)[10];
        for (var i = 0; i < 400; i++)
        {
            var bytes = patch.Data.ToArray();
            if (i % 3 == 0)
            {
                bytes = bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
            }
            else
            {
                for (var k = random.Next(1, 10); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            try
            {
                Graphics.DoomPicture.DecodePicture(bytes, patch.Name);
            }
            catch (WadFormatException)
            {
            }
        }
    }

    [Fact]
    public void DamagedTextureListsGiveOnlyWadFormatExceptions()
    {
        var texture1 = Fixtures.Freedoom2.Find("TEXTURE1")!.Data.ToArray();
        var pnames = Fixtures.Freedoom2.Find("PNAMES")!.Data.ToArray();
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var t = (byte[])texture1.Clone();
            var p = (byte[])pnames.Clone();
            for (var k = random.Next(1, 8); k > 0; k--)
            {
                var target = random.Next(4) == 0 ? p : t;
                target[random.Next(Math.Min(target.Length, 2048))] = (byte)random.Next(256);
            }

            var wad = WadWriter.Write([("PNAMES", p), ("TEXTURE1", t)]);
            try
            {
                var resources = new ResourceSet([WadResources.From(WadFile.Read(wad)), Pipeline.Freedoom2]);
                foreach (var name in resources.TextureNames.Take(20))
                {
                    resources.RenderTexture(name);
                }
            }
            catch (WadFormatException)
            {
            }
        }
    }

    private static void AssertReadsOrExplains(byte[] bytes, string what)
    {
        try
        {
            Pipeline.Run(bytes);
        }
        catch (WadFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} escaped: {e}");
        }
    }
}
