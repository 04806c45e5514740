using System.Runtime.CompilerServices;

namespace RlGameTester.Analysis.Frames;

/// <summary>The frame checks over a whole run, streamed.</summary>
internal static class FrameChecks
{
    /// <summary>
    /// Checks a run's frames in tick order and yields each finding as soon as its range ends (the rest at the end).
    /// Holds one frame at a time, plus the checker's bounded state and a few bytes a frame for the renderer's notes: a
    /// finding on frames the project's renderer drew whole is set aside (<see cref="RenderedFrameGate"/>).
    /// </summary>
    /// <param name="frames">The frames, in tick order.</param>
    /// <param name="options">The checks' thresholds.</param>
    /// <param name="undecodable">Told the tick and the reason of a frame that is not a decodable image (a file cut or
    /// corrupted in the middle), which is then passed over; null to throw instead.</param>
    /// <param name="setAside">Told each finding set aside because the renderer drew its frames whole; null to ignore.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <exception cref="InvalidDataException">A frame is not a decodable image and <paramref name="undecodable"/> is null.</exception>
    public static async IAsyncEnumerable<FrameFinding> CheckAsync(
        IAsyncEnumerable<RunFrame> frames, FrameCheckOptions options, Action<int, string>? undecodable, Action<FrameFinding>? setAside,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        using var checker = new FrameChecker(options);
        var gate = new RenderedFrameGate();
        await foreach (var frame in frames.WithCancellation(cancellationToken))
        {
            try
            {
                checker.Add(frame.Tick, frame.Image.Span, frame.AgentActing, frame.Rendered);
            }
            catch (InvalidDataException e) when (undecodable is not null)
            {
                undecodable(frame.Tick, e.Message);
                continue;
            }

            gate.Add(frame.Tick, frame.Rendered);
            foreach (var finding in Standing(checker.TakeFindings(), gate, setAside))
            {
                yield return finding;
            }
        }

        foreach (var finding in Standing(checker.Complete(), gate, setAside))
        {
            yield return finding;
        }
    }

    private static IEnumerable<FrameFinding> Standing(IEnumerable<FrameFinding> findings, RenderedFrameGate gate, Action<FrameFinding>? setAside)
    {
        foreach (var finding in findings)
        {
            if (gate.Stands(finding))
            {
                yield return finding;
            }
            else
            {
                setAside?.Invoke(finding);
            }
        }
    }
}
