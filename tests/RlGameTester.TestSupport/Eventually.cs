using System.Diagnostics;

namespace RlGameTester.TestSupport;

/// <summary>
/// Waits for what a test asserts, not for a proxy of it: polls a probe until its value satisfies the condition, and
/// fails with the last value seen when the patience runs out.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(120);

    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> probe, Func<T, bool> done, string what, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = patience ?? DefaultPatience;
        while (true)
        {
            var value = await probe(cancellationToken);
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}; last seen: {value}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
