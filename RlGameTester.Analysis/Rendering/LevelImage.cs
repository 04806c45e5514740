using System.Buffers;
using OpenCvSharp;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// A drawn level: the picture (8-bit BGR) and the transform it was drawn with, so overlays land on the same pixels.
/// Owns the picture: dispose it.
/// </summary>
public sealed class LevelImage : IDisposable
{
    // OpenCV's IMWRITE_PNG_FILTER and IMWRITE_PNG_FILTER_NONE, which OpenCvSharp's enums do not name yet. Rows of flat
    // colours gain nothing from PNG's prediction filters, and trying them all is most of the encoding time: measured on
    // freedoom2's levels, no filter encodes 3x faster and 15 % smaller than the default.
    private const ImwriteFlags PngFilter = (ImwriteFlags)19;
    private const int PngFilterNone = 8;

    // The Mat draws straight into this array (pinned while the Mat lives), so the sector fill writes pixels without a copy.
    // It is rented from the shared pool (and may be longer than the picture); disposing returns it.
    private readonly byte[] _pixels;
    private bool _disposed;

    internal LevelImage(byte[] pixels, int width, int height, MapTransform transform)
    {
        _pixels = pixels;
        Canvas = Mat.FromPixelData(height, width, MatType.CV_8UC3, pixels);
        Transform = transform;
    }

    public Mat Canvas { get; }

    public MapTransform Transform { get; }

    public int Width => Canvas.Width;

    public int Height => Canvas.Height;

    /// <summary>The picture as PNG bytes (zlib level 0-9).</summary>
    public byte[] EncodePng(int compression = 1)
    {
        Cv2.ImEncode(".png", Canvas, out var png,
            new ImageEncodingParam(ImwriteFlags.PngCompression, Math.Clamp(compression, 0, 9)),
            new ImageEncodingParam(PngFilter, PngFilterNone));
        return png;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Canvas.Dispose();
        ArrayPool<byte>.Shared.Return(_pixels);
    }
}
