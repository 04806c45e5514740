using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Domain.Frames;

/// <summary>
/// What the project's own renderer knows about a frame it drew (an explorer run's path): where it drew nothing because
/// the level lacks a texture or a flat. Carried inside the PNG as a <c>tEXt</c> chunk (<see cref="Keyword"/>), so the
/// frame keeps its provenance wherever it is stored, and the frame checks can tell a glitch the level causes from a
/// picture that merely looks odd (a pitch-dark room, a plain wall close up, a quick turn): on such a frame every pixel
/// is the level's own drawing, so a finding stands only where the note gives it a cause.
/// </summary>
/// <param name="UndrawnPixels">Pixels of the view no drawing reached (vanilla shows the previous frame there, ports a clear colour).</param>
/// <param name="MissingTextureColumns">Wall columns whose needed texture is missing (some show the plane behind instead).</param>
/// <param name="MoverColumns">Of those, columns beside a sector the level may move (a door, a lift): the renderer draws the
/// level as it starts, so what it leaves undrawn there a player at that point may never see (a door the explorer opened,
/// drawn closed, shows its far side).</param>
/// <param name="MissingFlatPlanes">Floor or ceiling planes left undrawn: their flat is missing.</param>
public readonly record struct RendererNote(int UndrawnPixels, int MissingTextureColumns, int MoverColumns, int MissingFlatPlanes)
{
    /// <summary>The <c>tEXt</c> keyword (1-79 Latin-1 characters, PNG's rule).</summary>
    public const string Keyword = "rlgt-renderer";

    private static readonly byte[] KeywordBytes = Encoding.Latin1.GetBytes(Keyword);

    /// <summary>Chunks looked at before giving up: a note is written right after the palette, before the pixels.</summary>
    private const int MaxChunks = 16;

    /// <summary>The note for a view the Doom library's renderer drew.</summary>
    public static RendererNote From(RenderStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new(statistics.UndrawnPixels, statistics.MissingTextureColumns, statistics.MissingTextureColumnsAtMovers, statistics.MissingFlatPlanes);
    }

    /// <summary>
    /// Whether the level itself left part of the view undrawn: pixels no drawing reached, and no missing texture beside a
    /// sector that may move (there the picture may show what a player never sees).
    /// </summary>
    public bool LeftUndrawn => UndrawnPixels > 0 && MoverColumns == 0;

    /// <summary>The chunk's text: <c>undrawn-pixels=P;missing-texture-columns=N;mover-columns=K;missing-flat-planes=M</c>.</summary>
    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"undrawn-pixels={UndrawnPixels};missing-texture-columns={MissingTextureColumns};mover-columns={MoverColumns};missing-flat-planes={MissingFlatPlanes}");

    /// <summary>Writes the note as a PNG <c>tEXt</c> chunk (after <c>IHDR</c>, before the first <c>IDAT</c>).</summary>
    public void WriteTo(Stream output) => PngChunk.Write(output, "tEXt"u8, Encoding.Latin1.GetBytes($"{Keyword}\0{ToText()}"));

    /// <summary>
    /// The note in a PNG's chunks before its first <c>IDAT</c>, or null: not a PNG, no note (any other agent's frame), or
    /// a note that does not parse (then the frame is taken as anyone's, and its findings stand as they are).
    /// </summary>
    public static RendererNote? Read(ReadOnlySpan<byte> png)
    {
        const int signature = 8;
        var at = signature;
        for (var chunk = 0; chunk < MaxChunks && at + 12 <= png.Length; chunk++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            var type = png.Slice(at + 4, 4);
            if (length < 0 || at + 12L + length > png.Length || type.SequenceEqual("IDAT"u8))
            {
                return null;
            }

            var data = png.Slice(at + 8, length);
            if (type.SequenceEqual("tEXt"u8) && data.IndexOf((byte)0) is var nul and > 0
                && data[..nul].SequenceEqual(KeywordBytes))
            {
                return Parse(Encoding.Latin1.GetString(data[(nul + 1)..]));
            }

            at += 12 + length;
        }

        return null;
    }

    private static RendererNote? Parse(string text)
    {
        int? undrawn = null, columns = null, movers = null, planes = null;
        foreach (var pair in text.Split(';'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            switch (parts[0])
            {
                case "undrawn-pixels":
                    undrawn = value;
                    break;
                case "missing-texture-columns":
                    columns = value;
                    break;
                case "mover-columns":
                    movers = value;
                    break;
                case "missing-flat-planes":
                    planes = value;
                    break;
            }
        }

        return undrawn is { } u && columns is { } c && movers is { } m && planes is { } p ? new RendererNote(u, c, m, p) : null;
    }
}
