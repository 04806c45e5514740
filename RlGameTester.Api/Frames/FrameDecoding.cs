using OpenCvSharp;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Api.Frames;

/// <summary>The decode an upload's frames must survive before they are stored: the frame checks decode them the same way.</summary>
internal static class FrameDecoding
{
    /// <summary>Whether the bytes decode to a picture of the size their header gives.</summary>
    public static bool Decodes(byte[] bytes, FrameImageInfo header)
    {
        try
        {
            using var picture = Cv2.ImDecode(bytes, ImreadModes.Color);
            return !picture.Empty() && picture.Width == header.Width && picture.Height == header.Height;
        }
        catch (OpenCVException)
        {
            return false;
        }
    }
}
