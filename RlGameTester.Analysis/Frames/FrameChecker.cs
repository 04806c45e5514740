using System.Globalization;
using OpenCvSharp;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// Checks a stream of frames for visual glitches (black, blank and frozen views, undrawn areas, missing textures,
/// flicker, noise; and, on frames the project's renderer drew, what the level left undrawn, from the renderer's note).
/// Feed frames in tick order with <see cref="Add(int, Mat, bool, RendererNote?)"/>; collect findings as their ranges end
/// with <see cref="TakeFindings"/>, and the rest with <see cref="Complete"/> at the end of the stream.
/// Memory is bounded: the two previous frames (downscaled) and one thumbnail per check. Not thread-safe.
/// </summary>
internal sealed class FrameChecker : IDisposable
{
    private readonly FrameCheckOptions _options;
    private readonly FrameAnalyzer _analyzer;
    private readonly GlitchRun _black;
    private readonly GlitchRun _blank;
    private readonly GlitchRun _frozen;
    private readonly GlitchRun _hallOfMirrors;
    private readonly GlitchRun _clearFill;
    private readonly GlitchRun _missingTexture;
    private readonly GlitchRun _flicker;
    private readonly GlitchRun _noise;
    private readonly GlitchRun _undrawn;
    private readonly List<FrameFinding> _findings = [];
    private int _previousTick;
    private int _beforePreviousTick;
    private int _frozenActingTicks;
    private bool _started;
    private int _flatStreak;

    /// <summary>Share of the previous frame's view above the black level; -1 before the stream's first frame.</summary>
    private double _previousLit = -1;
    private int _flatColour;
    private int _flatStartTick;
    private int[] _noiseCandidates = [];
    private int[] _checkerCandidates = [];

    public FrameChecker(FrameCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _analyzer = new FrameAnalyzer(options);
        var gap = options.MaxGapFrames;
        var width = options.ThumbnailWidth;
        _black = new GlitchRun(gap, width);
        _blank = new GlitchRun(gap, width);
        _frozen = new GlitchRun(0, width);
        _hallOfMirrors = new GlitchRun(gap, width);
        _clearFill = new GlitchRun(gap, width);
        _missingTexture = new GlitchRun(gap, width);
        _flicker = new GlitchRun(gap, width);
        _noise = new GlitchRun(gap, width);
        _undrawn = new GlitchRun(gap, width);
    }

    /// <summary>Frames checked since the start (or since <see cref="Complete"/>).</summary>
    public int FramesChecked { get; private set; }

    /// <summary>Checks one decoded frame.</summary>
    /// <param name="tick">Game tick of the frame; must grow from frame to frame.</param>
    /// <param name="frame">8-bit BGR (as OpenCV decodes), BGRA or grey. Only read during the call.</param>
    /// <param name="agentActing">
    /// Whether the agent acted since the previous frame. Frozen video counts only acting time, so a player standing
    /// still on purpose (or a paused menu, an intermission) is no glitch. Best taken from telemetry: position or angle
    /// changed, or attack/use pressed.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The tick does not follow the previous frame's.</exception>
    /// <exception cref="ArgumentException">The frame is empty, of another pixel type, or too small.</exception>
    /// <param name="rendered">The project's renderer's note when it drew the frame: what the level left undrawn there is
    /// a glitch (<see cref="FrameCheckNames.UndrawnView"/>), whatever the pixels look like.</param>
    public void Add(int tick, Mat frame, bool agentActing, RendererNote? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_started && tick <= _previousTick)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, $"Frames must come in tick order; the previous frame was at tick {_previousTick}.");
        }

        var m = _analyzer.Measure(frame);
        var source = _analyzer.Source;
        if (!_started)
        {
            _previousTick = _beforePreviousTick = tick;
        }

        // A dark view is a black frame when it is one exact black; in the faintest shades it is a dark area, which no
        // check can judge (none runs on it) and which is no glitch.
        var dark = m.LitFraction <= _options.BlackMaxLitFraction;
        var isBlack = dark && m.ShadedFraction <= _options.BlackMaxShadedFraction;
        // A view of one near-black colour is a dark room or a black frame, which the lit share decides.
        var isBlank = !dark && m.ModeFraction >= _options.BlankMinFraction && m.ModeLuma >= _options.ClearColourMinLuma;
        var drawn = !dark && !isBlank;
        // A flat tiled over the screen with text typed on it (a story screen between levels) is not a level's view.
        var scene = drawn && !(m.TiledFraction >= _options.TiledScreenMinFraction);

        var statusBarDrawn = m.StatusBarLitFraction > _options.BlackMaxLitFraction;
        if (isBlack && statusBarDrawn && !_black.IsOpen && _previousLit < _options.BlackMinLitBefore)
        {
            // Black after a view that was itself (nearly) black, or at the start: a pitch-dark sector, not a cut to black.
            isBlack = false;
        }

        _previousLit = m.LitFraction;
        Track(_black, isBlack, tick, tick, 1 - m.LitFraction, m.StatusBarLitFraction, source);
        if (isBlack && statusBarDrawn)
        {
            // The status bar is drawn over a black view: a pitch-dark sector looks the same.
            _black.Flag = true;
        }

        Track(_blank, isBlank, tick, tick, m.ModeFraction, m.ModeColour, source);

        var cells = CountCells(m);
        var cameraMoving = m.HasPrevious && cells.Textured > 0 && cells.Moving >= _options.HallOfMirrorsMinMovingFraction * cells.Textured;

        // A flat colour that keeps exactly its colour while the camera moves: nothing lit it, the renderer cleared it.
        // The candidate is the colour of the most solid pixels (a small hole is rarely the view's most frequent colour).
        // It shows as one convex hole, not as the many patches of a lit texture's colour or a plain texel area with the
        // texture's detail cut into it; that is measured only once the colour has lasted a frame (rare), and the
        // streak's first frame is judged by the ones that follow it.
        var patch = _analyzer.Patch;
        var flatCandidate = scene && patch.Fraction >= _options.ClearColourMinFraction && patch.Luma >= _options.ClearColourMinLuma
            && patch.Solidity >= _options.ClearColourMinSolidity;
        var sameColour = flatCandidate && _flatStreak > 0 && ColourDistance(patch.Colour, _flatColour) <= _options.UniformTolerance;
        var flatArea = flatCandidate && (!sameColour || IsHole(patch));
        sameColour &= flatArea;
        var viewMoving = cameraMoving && cells.Moving >= _options.ClearColourMinMovingCells * m.CellCount;
        _flatStreak = !flatArea ? 0 : sameColour ? _flatStreak + (viewMoving ? 1 : 0) : (viewMoving ? 1 : 0);
        _flatStartTick = sameColour ? _flatStartTick : _previousTick;
        _flatColour = patch.Colour;
        var isClearFill = flatArea && _flatStreak >= _options.ClearColourMinFrames;
        Track(_clearFill, isClearFill, tick, _flatStartTick, patch.Fraction * patch.Solidity, patch.Colour, source);

        var isMissingTexture = scene && cells.Checker >= _options.CheckerMinCells;
        Track(_missingTexture, isMissingTexture, tick, tick, cells.Checker, cells.Checker, source);

        var noiseFraction = cells.Noise / (double)m.CellCount;
        var isNoise = scene && cells.Noise > 0 && noiseFraction >= _options.NoiseMinFraction;
        Track(_noise, isNoise, tick, tick, noiseFraction, noiseFraction, source);

        var isHallOfMirrors = scene && cameraMoving && cells.Stale >= _options.HallOfMirrorsMinCells;
        Track(_hallOfMirrors, isHallOfMirrors, tick, _previousTick, cells.Stale, cells.Stale, source);

        var isFlicker = m.HasBeforePrevious && m.MeanDelta >= _options.FlickerMinDelta
            && m.MeanDelta >= _options.FlickerMinRelativeDelta * Math.Max(16, Math.Max(m.MeanLuma, m.PreviousMeanLuma))
            && m.MeanDelta2 <= _options.FlickerMaxReturnRatio * m.MeanDelta;
        Track(_flicker, isFlicker, tick, _beforePreviousTick, m.MeanDelta, m.MeanDelta, source);

        // The renderer's word, not the picture's: as much of the view undrawn as a clear-colour fill needs.
        var viewPixels = frame.Width * (frame.Height - (int)Math.Round(frame.Height * _options.StatusBarFraction));
        var undrawn = rendered is { LeftUndrawn: true } note ? note.UndrawnPixels / (double)Math.Max(1, viewPixels) : 0;
        Track(_undrawn, undrawn >= _options.ClearColourMinFraction, tick, tick, undrawn, undrawn, source);

        var isUnchanged = drawn && m.HasPrevious && m.ChangedFraction <= _options.FrozenMaxChangedFraction;
        if (isUnchanged)
        {
            if (!_frozen.IsOpen)
            {
                _frozenActingTicks = 0;
            }

            _frozen.Hit(tick, _previousTick, 0, 0, source);
            if (agentActing)
            {
                _frozenActingTicks += tick - _previousTick;
            }
        }
        else if (_frozen.Miss())
        {
            CloseFrozen();
        }

        _beforePreviousTick = _previousTick;
        _previousTick = tick;
        _started = true;
        FramesChecked++;
    }

    /// <summary>Decodes (PNG, JPEG, anything OpenCV reads) and checks one frame.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an image OpenCV can decode.</exception>
    public void Add(int tick, ReadOnlySpan<byte> encodedImage, bool agentActing, RendererNote? rendered = null)
    {
        using var frame = encodedImage.IsEmpty ? new Mat() : Cv2.ImDecode(encodedImage, ImreadModes.Color);
        if (frame.Empty())
        {
            throw new InvalidDataException($"The frame at tick {tick} ({encodedImage.Length} bytes) is not an image OpenCV can decode.");
        }

        Add(tick, frame, agentActing, rendered);
    }

    /// <summary>Findings whose ranges have ended since the last call.</summary>
    public IReadOnlyList<FrameFinding> TakeFindings()
    {
        if (_findings.Count == 0)
        {
            return [];
        }

        var taken = _findings.ToArray();
        _findings.Clear();
        return taken;
    }

    /// <summary>Ends the stream: closes every open range and returns the findings not yet taken. The checker can then start a new stream.</summary>
    public IReadOnlyList<FrameFinding> Complete()
    {
        foreach (var run in new[] { _black, _blank, _clearFill, _missingTexture, _noise, _hallOfMirrors, _flicker, _undrawn })
        {
            if (run.IsOpen)
            {
                Close(run);
            }
        }

        if (_frozen.IsOpen)
        {
            CloseFrozen();
        }

        _analyzer.Reset();
        _flatStreak = 0;
        _previousLit = -1;
        _started = false;
        FramesChecked = 0;
        return TakeFindings();
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        foreach (var run in new[] { _black, _blank, _frozen, _hallOfMirrors, _clearFill, _missingTexture, _flicker, _noise, _undrawn })
        {
            run.Dispose();
        }
    }

    /// <summary>Whether the clear-colour candidate is shaped as an undrawn wall: one convex piece.</summary>
    private bool IsHole(SolidColourPatch patch)
    {
        patch.Inspect();
        return patch.LargestShare >= _options.ClearColourMinLargestShare && patch.Convexity >= _options.ClearColourMinConvexity;
    }

    private CellCounts CountCells(FrameMeasurement m)
    {
        var counts = default(CellCounts);
        var texturedStd = (float)_options.TexturedMinStd;
        var noiseStd = (float)_options.NoiseMinStd;
        var roughness = (float)_options.NoiseMinRoughness;
        var axisRoughness = (float)_options.NoiseMinAxisRoughness;
        var chromaRatio = (float)_options.NoiseMinChromaRatio;
        var contrast = (float)_options.CheckerMinContrast;
        var bimodality = (float)_options.CheckerMinBimodality;
        var diagonalBalance = (float)_options.CheckerMinDiagonalBalance;
        if (_noiseCandidates.Length < m.CellCount)
        {
            _noiseCandidates = new int[m.CellCount];
            _checkerCandidates = new int[m.CellCount];
        }

        int noisy = 0, checkered = 0;
        for (var i = 0; i < m.CellCount; i++)
        {
            var std = m.CellStd[i];
            var range = m.CellRange[i];
            if (std >= texturedStd)
            {
                counts.Textured++;
                var changed = m.CellChanged[i];
                if (changed >= 0.25f)
                {
                    counts.Moving++;
                }
                else if (changed == 0 && m.CellBelowHorizon[i] && !m.CellInWeaponZone[i])
                {
                    counts.Stale++;
                }
            }

            // A checkerboard: two flat colours in about equal parts, with edges across both rows and columns, and as
            // many along one diagonal as along the other (diagonal stripes, a hazard sign, run along one of them).
            var dx = m.CellDx[i];
            var dy = m.CellDy[i];
            if (range >= contrast && 2 * std >= bimodality * range && dx >= 0.1f * range && dy >= 0.1f * range
                && MathF.Min(m.CellDiagonal[i], m.CellAntiDiagonal[i]) >= diagonalBalance * MathF.Max(m.CellDiagonal[i], m.CellAntiDiagonal[i]))
            {
                _checkerCandidates[checkered++] = i;
            }
            else if (std >= noiseStd && dx + dy >= 2 * roughness * std && MathF.Min(dx, dy) >= axisRoughness * std
                && m.CellChroma[i] >= chromaRatio * (dx + dy) / 2)
            {
                _noiseCandidates[noisy++] = i;
            }
        }

        if (counts.Stale > 0)
        {
            counts.Stale += StaleAboveHorizon(m, texturedStd);
        }

        counts.Checker = LargestAlikeGroup(_checkerCandidates.AsSpan(0, checkered), m, checker: true);
        counts.Noise = LargestAlikeGroup(_noiseCandidates.AsSpan(0, noisy), m, checker: false);
        return counts;
    }

    /// <summary>
    /// Unchanged textured cells above the horizon, counted up from it in the columns that hold a stale cell below it:
    /// an undrawn wall spans the horizon (the eye is between its floor and ceiling), and a far one shows mostly above
    /// it, where its stale cells were not evidence. The sky above, unchanged while the player walks without turning,
    /// counts only where it touches a stale area below the horizon, which a drawn floor or wall does not leave.
    /// </summary>
    private static int StaleAboveHorizon(FrameMeasurement m, float texturedStd)
    {
        var columns = m.CellColumns;
        var horizonRow = 0;
        while (horizonRow < m.CellRows && !m.CellBelowHorizon[horizonRow * columns])
        {
            horizonRow++;
        }

        var count = 0;
        for (var c = 0; c < columns; c++)
        {
            var staleBelow = false;
            for (var r = horizonRow; r < m.CellRows && !staleBelow; r++)
            {
                var i = (r * columns) + c;
                staleBelow = m.CellStd[i] >= texturedStd && m.CellChanged[i] == 0 && !m.CellInWeaponZone[i];
            }

            for (var r = horizonRow - 1; staleBelow && r >= 0; r--)
            {
                var i = (r * columns) + c;
                if (m.CellStd[i] < texturedStd || m.CellChanged[i] != 0)
                {
                    break;
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The most candidate cells alike to one of them: one pattern (a checkerboard of one brightness and contrast, or
    /// random pixels of one spread and roughness) rather than scattered detail. Quadratic in the candidates, which are
    /// few in a normal frame.
    /// </summary>
    private static int LargestAlikeGroup(ReadOnlySpan<int> candidates, FrameMeasurement m, bool checker)
    {
        var best = 0;
        foreach (var c in candidates)
        {
            var alike = 0;
            if (checker)
            {
                var mean = m.CellMean[c];
                var range = m.CellRange[c];
                foreach (var o in candidates)
                {
                    if (MathF.Abs(m.CellMean[o] - mean) <= 0.15f * range && MathF.Abs(m.CellRange[o] - range) <= 0.25f * range)
                    {
                        alike++;
                    }
                }
            }
            else
            {
                var std = m.CellStd[c];
                var rx = m.CellDx[c] / std;
                var ry = m.CellDy[c] / std;
                foreach (var o in candidates)
                {
                    var so = m.CellStd[o];
                    if (MathF.Abs(so - std) <= 0.2f * std && MathF.Abs((m.CellDx[o] / so) - rx) <= 0.15f
                        && MathF.Abs((m.CellDy[o] / so) - ry) <= 0.15f)
                    {
                        alike++;
                    }
                }
            }

            best = Math.Max(best, alike);
        }

        return best;
    }

    private void Track(GlitchRun run, bool flagged, int tick, int firstTick, double score, double value, Mat source)
    {
        if (flagged)
        {
            run.Hit(tick, firstTick, score, value, source);
        }
        else if (run.Miss())
        {
            Close(run);
        }
    }

    private void Close(GlitchRun run)
    {
        if (ReferenceEquals(run, _hallOfMirrors) && run.Frames < _options.HallOfMirrorsMinFrames
            || ReferenceEquals(run, _flicker) && run.Frames < _options.FlickerMinFrames)
        {
            run.Discard();
            return;
        }

        var frames = run.Frames;
        var (check, severity, confidence, description) = Describe(run, frames);
        _findings.Add(new FrameFinding(check, severity, Math.Round(confidence, 2), run.FirstTick, run.LastTick, run.EvidenceTick, frames,
            description, run.Close()));
    }

    private void CloseFrozen()
    {
        var actingTicks = _frozenActingTicks;
        var threshold = _options.FrozenTicks;
        if (actingTicks < threshold)
        {
            _frozen.Discard();
            return;
        }

        var span = (_frozen.LastTick - _frozen.FirstTick) / (double)_options.TickRate;
        var acting = actingTicks / (double)_options.TickRate;
        var confidence = 0.7 + (0.25 * Math.Min(1, ((actingTicks / (double)threshold) - 1) / 2));
        var description = string.Create(CultureInfo.InvariantCulture,
            $"The view did not change for {span:0.0} s (ticks {_frozen.FirstTick}-{_frozen.LastTick}, {_frozen.Frames + 1} frames) while the agent was acting for {acting:0.0} s of it.");
        _findings.Add(new FrameFinding(FrameCheckNames.FrozenVideo, BugSeverity.Major, Math.Round(confidence, 2), _frozen.FirstTick, _frozen.LastTick,
            _frozen.EvidenceTick, _frozen.Frames + 1, description, _frozen.Close()));
    }

    private (string Check, BugSeverity Severity, double Confidence, string Description) Describe(GlitchRun run, int frames)
    {
        var ticks = run.FirstTick == run.LastTick
            ? string.Create(CultureInfo.InvariantCulture, $"tick {run.FirstTick}")
            : string.Create(CultureInfo.InvariantCulture, $"ticks {run.FirstTick}-{run.LastTick}");
        var inFrames = string.Create(CultureInfo.InvariantCulture, $"{frames} frame{(frames == 1 ? string.Empty : "s")}, {ticks}");
        if (ReferenceEquals(run, _black))
        {
            return run.Flag
                ? (FrameCheckNames.BlackFrame, BugSeverity.Major, 0.55,
                    $"The view is black ({inFrames}) while the status bar is drawn: nothing was rendered, or the player is in a pitch-dark area.")
                : (FrameCheckNames.BlackFrame, BugSeverity.Major, _options.StatusBarFraction > 0 ? 0.95 : 0.8,
                    $"The frame is black ({inFrames}).");
        }

        if (ReferenceEquals(run, _blank))
        {
            return (FrameCheckNames.BlankFrame, BugSeverity.Major, 0.9,
                string.Create(CultureInfo.InvariantCulture, $"The view is one flat colour, {Colour(run.EvidenceValue)} over {run.BestScore:P0} of it ({inFrames}): nothing was drawn."));
        }

        if (ReferenceEquals(run, _clearFill))
        {
            return (FrameCheckNames.ClearColourFill, BugSeverity.Major, 0.6 + (0.3 * Math.Min(1, run.BestScore / 0.1)),
                string.Create(CultureInfo.InvariantCulture,
                    $"Part of the view ({run.BestScore:P0}) is one flat colour, {Colour(run.EvidenceValue)} ({inFrames}): an undrawn area the renderer cleared (Hall of Mirrors with +r_clearbuffer)."));
        }

        if (ReferenceEquals(run, _missingTexture))
        {
            var minimum = _options.CheckerMinCells;
            return (FrameCheckNames.MissingTexture, BugSeverity.Minor, 0.5 + (0.4 * Math.Min(1, (run.BestScore - minimum) / (3.0 * minimum))),
                string.Create(CultureInfo.InvariantCulture, $"A two-colour checkerboard, the pattern drawn for a missing texture, covers {run.BestScore:0} cells of the view ({inFrames})."));
        }

        if (ReferenceEquals(run, _noise))
        {
            return (FrameCheckNames.Noise, BugSeverity.Major, 0.6 + (0.35 * Math.Min(1, run.BestScore / 0.5)),
                string.Create(CultureInfo.InvariantCulture, $"At least {run.BestScore:P0} of the view is random pixels ({inFrames}): garbage in the frame buffer."));
        }

        if (ReferenceEquals(run, _hallOfMirrors))
        {
            var extra = frames - _options.HallOfMirrorsMinFrames;
            return (FrameCheckNames.HallOfMirrors, BugSeverity.Major, Math.Min(0.9, 0.6 + (0.05 * extra)),
                string.Create(CultureInfo.InvariantCulture,
                    $"An area of the view ({run.BestScore:0} cells) kept stale pixels while the camera moved ({inFrames}): an undrawn wall smears old frames (Hall of Mirrors)."));
        }

        if (ReferenceEquals(run, _undrawn))
        {
            return (FrameCheckNames.UndrawnView, BugSeverity.Major, 0.95,
                string.Create(CultureInfo.InvariantCulture,
                    $"The renderer drew nothing over {run.BestScore:P0} of the view ({inFrames}): a texture or flat the level needs there is missing. Vanilla shows the previous frame in its place (Hall of Mirrors), ports a clear colour."));
        }

        var beyond = frames - _options.FlickerMinFrames;
        return (FrameCheckNames.Flicker, BugSeverity.Minor, Math.Min(0.9, 0.6 + (0.05 * beyond)),
            string.Create(CultureInfo.InvariantCulture,
                $"The view alternates between two pictures from frame to frame ({inFrames}), changing by {run.BestScore:0}/255 on average each time."));
    }

    private static int ColourDistance(int a, int b) =>
        Math.Max(Math.Abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)), Math.Max(Math.Abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)), Math.Abs((a & 0xFF) - (b & 0xFF))));

    private static string Colour(double rgb) => string.Create(CultureInfo.InvariantCulture, $"#{(int)rgb:X6}");

    private struct CellCounts
    {
        public int Textured;
        public int Moving;
        public int Stale;
        public int Checker;
        public int Noise;
    }
}
