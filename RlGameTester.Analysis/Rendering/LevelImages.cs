using Microsoft.Extensions.Options;
using RlGameTester.Data.Blobs;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// Draws the top-down image of every level of an uploaded file and stores it in blob storage
/// (<see cref="BlobStore.MapImageName"/>), replacing what was there: drawing again changes nothing but the bytes' age.
/// </summary>
public sealed partial class LevelImages(BlobStore blobs, IOptions<RenderOptions> options, ILogger<LevelImages> logger)
{
    public async Task DrawAsync(string fileHash, IEnumerable<Level> levels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var renderer = new LevelRenderer(options.Value);
        var count = 0;
        long bytes = 0;
        foreach (var level in levels)
        {
            byte[] png;
            using (var image = renderer.Render(level))
            {
                png = image.EncodePng(options.Value.PngCompression);
            }

            using var content = new MemoryStream(png, writable: false);
            await blobs.UploadAsync(BlobStore.Images, BlobStore.MapImageName(fileHash, level.Name), content, "image/png", cancellationToken);
            count++;
            bytes += png.Length;
        }

        LogDrawn(logger, fileHash, count, bytes / 1024);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew {Levels} level image(s) of file {FileHash} ({KiB} KiB)")]
    private static partial void LogDrawn(ILogger logger, string fileHash, int levels, long kiB);
}
