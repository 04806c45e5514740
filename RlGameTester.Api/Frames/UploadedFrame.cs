using RlGameTester.Domain.Frames;

namespace RlGameTester.Api.Frames;

/// <summary>One frame of an upload that passed every check, ready to store.</summary>
/// <param name="Name">The file's name as the client gave it (<c>clip.zip/000012.png</c> inside an archive).</param>
internal sealed record UploadedFrame(string Name, int Tick, FrameImageInfo Image, SpooledFile File);
