using RlGameTester.Domain.Frames;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// Which findings stand on frames the project's own renderer drew (an explorer run's path, each frame carrying a
/// <see cref="RendererNote"/>). Such a frame is the level drawn as it is: a black view there is a pitch-dark room, one
/// colour a plain wall close up, an alternating picture a quick turn, a two-colour grid a sprite seen up close. So a
/// finding whose frames all carry a note stands only when one of them records the cause its check is about: a part of
/// the view left undrawn (a missing texture or flat, which vanilla shows as a hall of mirrors and ports clear to one
/// colour) for the hall-of-mirrors, clear-colour, blank and black frame checks. The renderer draws no checkerboard,
/// flicker, noise or frozen picture of its own, so on its frames those checks' findings never stand. Frames without a
/// note (any agent's, an upload's) are judged by the checks alone, as before.
/// </summary>
internal sealed class RenderedFrameGate
{
    /// <summary>The checks whose glitch is an undrawn part of the view.</summary>
    private static readonly HashSet<string> UndrawnChecks = new(StringComparer.Ordinal)
    {
        FrameCheckNames.HallOfMirrors, FrameCheckNames.ClearColourFill, FrameCheckNames.BlankFrame, FrameCheckNames.BlackFrame,
        FrameCheckNames.UndrawnView,
    };

    // In tick order, as the checks take them: one small entry per frame checked.
    private readonly List<(int Tick, RendererNote? Note)> _frames = [];

    /// <summary>Findings set aside: every frame of theirs was drawn whole by the renderer.</summary>
    public int SetAside { get; private set; }

    /// <summary>Records a checked frame and its note (null: not drawn by the project's renderer).</summary>
    public void Add(int tick, RendererNote? note) => _frames.Add((tick, note));

    /// <summary>Whether the finding stands; counts it in <see cref="SetAside"/> when it does not.</summary>
    public bool Stands(FrameFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var first = FirstAtOrAfter(finding.FirstTick);
        var explained = false;
        var any = false;
        for (var i = first; i < _frames.Count && _frames[i].Tick <= finding.LastTick; i++)
        {
            if (_frames[i].Note is not { } note)
            {
                return true;
            }

            any = true;
            explained |= note.LeftUndrawn && UndrawnChecks.Contains(finding.Check);
        }

        if (!any || explained)
        {
            return true;
        }

        SetAside++;
        return false;
    }

    private int FirstAtOrAfter(int tick)
    {
        int lo = 0, hi = _frames.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_frames[mid].Tick < tick)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
