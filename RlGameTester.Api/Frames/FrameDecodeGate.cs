using Microsoft.Extensions.Options;

namespace RlGameTester.Api.Frames;

/// <summary>
/// The cap on frames read and decoded at once across every upload (Frames:MaxConcurrentDecodes). A decode holds the
/// frame's bytes and its picture (a 3840x2160 frame is 25 MB decoded), so without a cap ten uploads at once would each
/// decode on every core; with it the memory and cores the checks take are bounded whatever the clients do, and
/// uploads past it wait their turn.
/// </summary>
public sealed class FrameDecodeGate(IOptions<FrameUploadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentDecodes, options.Value.MaxConcurrentDecodes);
    private int _waiting;

    /// <summary>Decodes waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Runs <paramref name="work"/> once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            return work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
