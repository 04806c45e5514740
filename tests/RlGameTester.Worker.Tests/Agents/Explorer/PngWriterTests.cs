using OpenCvSharp;
using RlGameTester.Domain.Frames;
using RlGameTester.Worker.Agents.Explorer.Frames;

namespace RlGameTester.Worker.Tests.Agents.Explorer;

/// <summary>
/// The explorer's frames are palette PNGs that carry the renderer's note: any decoder reads the picture as before, and
/// the Analysis service reads the note back; anything that is not such a note reads as none.
/// </summary>
public sealed class PngWriterTests
{
    private static readonly byte[] Palette = [.. Enumerable.Range(0, 256).SelectMany(i => new[] { (byte)i, (byte)(255 - i), (byte)(i / 2) })];

    private static readonly byte[] Pixels = [.. Enumerable.Range(0, 40 * 30).Select(i => (byte)((i * 7) % 256))];

    [Fact]
    public void ANoteWrittenWithAFrameIsReadBackAndThePictureDecodesAsBefore()
    {
        var note = new RendererNote(UndrawnPixels: 312, MissingTextureColumns: 12, MoverColumns: 4, MissingFlatPlanes: 1);

        var png = PngWriter.Encode(40, 30, Pixels, Palette, note);

        Assert.Equal(note, RendererNote.Read(png));
        using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
        using var plain = Cv2.ImDecode(PngWriter.Encode(40, 30, Pixels, Palette), ImreadModes.Color);
        Assert.Equal((40, 30), (decoded.Width, decoded.Height));
        // Pixel (5, 3) is index 107: the palette's RGB (107, 148, 53), BGR in OpenCV.
        Assert.Equal(107, Pixels[(3 * 40) + 5]);
        Assert.Equal(new Vec3b(53, 148, 107), decoded.At<Vec3b>(3, 5));
        Assert.Equal(0, Cv2.Norm(decoded, plain, NormTypes.L1));
    }

    [Fact]
    public void AFrameWithoutTheNoteOrWithAnotherOrABrokenOneReadsAsNone()
    {
        Assert.Null(RendererNote.Read(PngWriter.Encode(40, 30, Pixels, Palette)));
        Assert.Null(RendererNote.Read(WithText("Software", "undrawn-pixels=0;missing-texture-columns=0;mover-columns=0;missing-flat-planes=0")));
        Assert.Null(RendererNote.Read(WithText(RendererNote.Keyword, "undrawn-pixels=lots;missing-texture-columns=0;mover-columns=0;missing-flat-planes=0")));
        Assert.Null(RendererNote.Read(WithText(RendererNote.Keyword, "undrawn-pixels=5")));
        Assert.Null(RendererNote.Read("not a png at all"u8));

        // A file cut inside the note's chunk, or a chunk length beyond the file, ends the search without a note.
        var whole = PngWriter.Encode(40, 30, Pixels, Palette, new RendererNote(1, 1, 0, 0));
        Assert.Null(RendererNote.Read(whole.AsSpan(0, 60)));
        var lying = (byte[])whole.Clone();
        lying[33] = 0x7F;
        Assert.Null(RendererNote.Read(lying));
    }

    /// <summary>A palette PNG with a tEXt chunk of the given keyword and text after its header.</summary>
    private static byte[] WithText(string keyword, string text)
    {
        var png = PngWriter.Encode(40, 30, Pixels, Palette);
        using var output = new MemoryStream();
        output.Write(png.AsSpan(0, 33));
        PngChunk.Write(output, "tEXt"u8, System.Text.Encoding.Latin1.GetBytes($"{keyword}\0{text}"));
        output.Write(png.AsSpan(33));
        return output.ToArray();
    }
}
