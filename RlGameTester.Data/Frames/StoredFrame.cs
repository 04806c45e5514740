namespace RlGameTester.Data.Frames;

/// <summary>One frame of a run in blob storage.</summary>
/// <param name="Tick">Its game tick (the run's, growing across episodes).</param>
/// <param name="BlobName">Its name in <see cref="Blobs.BlobStore.Frames"/>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ContentType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Episode">The episode it was uploaded for, when one was given.</param>
/// <param name="Attempt">The worker attempt that stored it from its agent's folder; null for frames uploaded through the Api.</param>
public sealed record StoredFrame(int Tick, string BlobName, long Size, string ContentType, int? Episode, int? Attempt = null);
