using System.Buffers.Binary;
using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Resources;

public sealed class ResourceSetTests
{
    private static ResourceSet Freedoom2 => new([Pipeline.Freedoom2]);

    [Fact]
    public void TheIwadDefinesItsTexturesFlatsAndPalette()
    {
        var resources = Freedoom2;

        Assert.True(resources.HasTexture("STARTAN3"));
        Assert.True(resources.HasTexture("startan3"));
        Assert.True(resources.HasFlat("FLOOR0_1"));
        Assert.True(resources.HasFlat(ResourceSet.SkyFlat));
        Assert.False(resources.HasTexture("NOSUCHTX"));
        Assert.False(resources.HasFlat("STARTAN3"));
        Assert.NotNull(resources.Palette);
        Assert.True(resources.TextureNames.Count > 300);
    }

    [Fact]
    public void TexturesCountMatchesTheTextureLumpsHeaders()
    {
        var count1 = BinaryPrimitives.ReadInt32LittleEndian(Fixtures.Freedoom2.Find("TEXTURE1")!.Data.Span);
        var texture2 = Fixtures.Freedoom2.Find("TEXTURE2");
        var count2 = texture2 is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(texture2.Data.Span);

        Assert.Equal(count1 + count2, Pipeline.Freedoom2.Textures.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void AFlatRendersAsItsBytesThroughThePalette()
    {
        var lump = Fixtures.Freedoom2.GetNamespace(WadNamespace.Flats).First(l => l.Name == "FLOOR0_1");
        var playpal = Fixtures.Freedoom2.Find("PLAYPAL")!.Data.Span;

        var image = Freedoom2.RenderFlat("FLOOR0_1")!;

        Assert.Equal((64, 64), (image.Width, image.Height));
        Assert.Null(image.Alpha);
        foreach (var pixel in new[] { 0, 1, 63, 64, 2000, 4095 })
        {
            var index = lump.Data.Span[pixel];
            Assert.Equal(playpal.Slice(index * 3, 3).ToArray(), image.Rgb.AsSpan(pixel * 3, 3).ToArray());
        }
    }

    [Fact]
    public void ACompositeTextureHasItsDefinedSizeAndItsPatchPixels()
    {
        var resources = Freedoom2;
        var definition = resources.FindTexture("STARTAN3")!;
        var patch = resources.DecodePatch(definition.Patches[0].PatchName)!;

        var texture = resources.ComposeTexture("STARTAN3")!;
        var rgb = resources.RenderTexture("STARTAN3")!;

        Assert.Equal((definition.Width, definition.Height), (texture.Width, texture.Height));
        Assert.Equal(texture.Width * texture.Height * 3, rgb.Rgb.Length);
        var first = definition.Patches[0];
        for (var y = 0; y < Math.Min(patch.Height, texture.Height - first.OriginY); y++)
        {
            var x = Math.Max(0, first.OriginX);
            if (definition.Patches.Count == 1 && patch.Opaque?[(y * patch.Width) + (x - first.OriginX)] != false)
            {
                Assert.Equal(patch.Pixels[(y * patch.Width) + (x - first.OriginX)], texture.Pixels[((first.OriginY + y) * texture.Width) + x]);
            }
        }
    }

    [Fact]
    public void EveryFreedoom2TextureComposesWithoutError()
    {
        var resources = Freedoom2;

        foreach (var name in resources.TextureNames)
        {
            var image = resources.RenderTexture(name);
            Assert.NotNull(image);
            Assert.True(image.Width > 0 && image.Height > 0, name);
        }
    }

    [Fact]
    public void APictureDecodesItsPostsAndLeavesGapsTransparent()
    {
        // 2 x 4 picture: column 0 has a post of 2 pixels from row 1; column 1 a post of 1 pixel at row 0
        // and a second post of 1 pixel at row 3.
        byte[] picture =
        [
            2, 0, 4, 0, 1, 0, 2, 0,     // width, height, left offset, top offset
            16, 0, 0, 0, 23, 0, 0, 0,   // column offsets
            1, 2, 0, 10, 11, 0, 0xFF,   // column 0
            0, 1, 0, 20, 0, 3, 1, 0, 30, 0, 0xFF,  // column 1
        ];

        var image = DoomPicture.DecodePicture(picture, "TEST");

        Assert.Equal((2, 4, 1, 2), (image.Width, image.Height, image.OffsetX, image.OffsetY));
        Assert.Equal(new byte[] { 0, 20, 10, 0, 11, 0, 0, 30 }, image.Pixels);
        Assert.Equal(new[] { false, true, true, false, true, false, false, true }, image.Opaque);
    }

    [Fact]
    public void ATallPatchPostAtOrAboveThePreviousOneIsRelative()
    {
        // One column, 300 rows: a post at row 200, then topdelta 60 (not above 200, so relative): row 260.
        var picture = new List<byte> { 1, 0, 44, 1, 0, 0, 0, 0, 12, 0, 0, 0 };
        picture.AddRange([200, 1, 0, 7, 0]);
        picture.AddRange([60, 1, 0, 9, 0]);
        picture.Add(0xFF);

        var image = DoomPicture.DecodePicture(picture.ToArray(), "TALL");

        Assert.Equal(300, image.Height);
        Assert.Equal(7, image.Pixels[200]);
        Assert.Equal(9, image.Pixels[260]);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0 }, "too short for a picture header")]
    [InlineData(new byte[] { 0, 0, 1, 0, 0, 0, 0, 0 }, "impossible size of 0x1")]
    [InlineData(new byte[] { 2, 0, 1, 0, 0, 0, 0, 0, 16, 0, 0, 0 }, "is truncated")]
    [InlineData(new byte[] { 1, 0, 1, 0, 0, 0, 0, 0, 200, 0, 0, 0 }, "column 0 runs past the end")]
    [InlineData(new byte[] { 1, 0, 1, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 9, 0, 1 }, "needs 9 pixels")]
    public void ADamagedPictureIsReportedByName(byte[] data, string reason)
    {
        var error = Assert.Throws<WadFormatException>(() => DoomPicture.DecodePicture(data, "BROKEN"));

        Assert.Contains("\"BROKEN\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePwadComesFirstThenTheIwad()
    {
        var pnames = new byte[4 + 8];
        pnames[0] = 1;
        "MYPATCH"u8.CopyTo(pnames.AsSpan(4));
        var texture1 = new byte[4 + 4 + 22 + 10];
        texture1[0] = 1;
        texture1[4] = 8;
        "MYWALL"u8.CopyTo(texture1.AsSpan(8));
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(8 + 12), 8);
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(8 + 14), 4);
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(8 + 20), 1);
        byte[] patch = [1, 0, 4, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 4, 0, 1, 2, 3, 4, 0, 0xFF];
        var flat = Enumerable.Repeat((byte)77, 4096).ToArray();
        var pwad = WadFile.Read(WadWriter.Write([
            ("PNAMES", pnames), ("TEXTURE1", texture1), ("P_START", []), ("MYPATCH", patch), ("P_END", []),
            ("F_START", []), ("FLOOR0_1", flat), ("F_END", [])]));

        var resources = new ResourceSet([WadResources.From(pwad), Pipeline.Freedoom2]);

        Assert.True(resources.HasTexture("MYWALL"));
        Assert.True(resources.HasTexture("STARTAN3"));
        Assert.Equal(77, resources.DecodeFlat("FLOOR0_1")!.Pixels[0]);
        var wall = resources.ComposeTexture("MYWALL")!;
        Assert.Equal((8, 4), (wall.Width, wall.Height));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Enumerable.Range(0, 4).Select(y => wall.Pixels[y * 8]).ToArray());
        Assert.NotNull(wall.Opaque);
        Assert.False(wall.Opaque[1]);
    }

    [Fact]
    public void DecorateEditorNumbersAreKnownThingTypes()
    {
        var wad = WadFile.Read(Fixtures.ScenarioBytes("deathmatch_rockets"));

        var resources = new ResourceSet([WadResources.From(wad), Pipeline.Freedoom2]);

        Assert.Equal(new[] { 9112, 9113, 9114, 9115 }, resources.CustomThingTypes.Order());
    }
}
