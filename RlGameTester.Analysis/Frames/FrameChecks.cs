using System.Runtime.CompilerServices;

namespace RlGameTester.Analysis.Frames;

/// <summary>The frame checks over a whole run, streamed.</summary>
internal static class FrameChecks
{
    /// <summary>
    /// Checks a run's frames in tick order and yields each finding as soon as its range ends (the rest at the end).
    /// Holds one frame at a time, plus the checker's bounded state.
    /// </summary>
    /// <exception cref="InvalidDataException">A frame is not a decodable image.</exception>
    public static async IAsyncEnumerable<FrameFinding> CheckAsync(
        IAsyncEnumerable<RunFrame> frames, FrameCheckOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        using var checker = new FrameChecker(options);
        await foreach (var frame in frames.WithCancellation(cancellationToken))
        {
            checker.Add(frame.Tick, frame.Image.Span, frame.AgentActing);
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
