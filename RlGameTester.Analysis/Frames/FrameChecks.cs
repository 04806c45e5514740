using System.Runtime.CompilerServices;

namespace RlGameTester.Analysis.Frames;

/// <summary>The frame checks over a whole run, streamed.</summary>
internal static class FrameChecks
{
    /// <summary>
    /// Checks a run's frames in tick order and yields each finding as soon as its range ends (the rest at the end).
    /// Holds one frame at a time, plus the checker's bounded state.
    /// </summary>
    /// <param name="frames">The frames, in tick order.</param>
    /// <param name="options">The checks' thresholds.</param>
    /// <param name="undecodable">Told the tick and the reason of a frame that is not a decodable image (a file cut or
    /// corrupted in the middle), which is then passed over; null to throw instead.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <exception cref="InvalidDataException">A frame is not a decodable image and <paramref name="undecodable"/> is null.</exception>
    public static async IAsyncEnumerable<FrameFinding> CheckAsync(
        IAsyncEnumerable<RunFrame> frames, FrameCheckOptions options, Action<int, string>? undecodable, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        using var checker = new FrameChecker(options);
        await foreach (var frame in frames.WithCancellation(cancellationToken))
        {
            try
            {
                checker.Add(frame.Tick, frame.Image.Span, frame.AgentActing);
            }
            catch (InvalidDataException e) when (undecodable is not null)
            {
                undecodable(frame.Tick, e.Message);
                continue;
            }

            foreach (var finding in checker.TakeFindings())
            {
                yield return finding;
            }
        }

        foreach (var finding in checker.Complete())
        {
            yield return finding;
        }
    }
}
