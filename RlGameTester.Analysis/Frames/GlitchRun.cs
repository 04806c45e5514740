using OpenCvSharp;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// One check's open range of flagged frames: first and last tick, frame count, and the best evidence so far with
/// its thumbnail (one small picture per check, so memory stays bounded however long the run is).
/// </summary>
internal sealed class GlitchRun : IDisposable
{
    private readonly int _maxGapFrames;
    private readonly int _thumbnailWidth;
    private readonly Mat _thumbnail = new();
    private int _gap;

    public GlitchRun(int maxGapFrames, int thumbnailWidth)
    {
        _maxGapFrames = maxGapFrames;
        _thumbnailWidth = thumbnailWidth;
    }

    public bool IsOpen { get; private set; }

    public int FirstTick { get; private set; }

    public int LastTick { get; private set; }

    public int Frames { get; private set; }

    public int EvidenceTick { get; private set; }

    /// <summary>The evidence frame's score (higher is clearer).</summary>
    public double BestScore { get; private set; }

    /// <summary>A check-specific figure of the evidence frame (a share, a count, a colour) for the description.</summary>
    public double EvidenceValue { get; private set; }

    /// <summary>A check-specific flag that sticks once set during the run.</summary>
    public bool Flag { get; set; }

    /// <summary>Counts a flagged frame; the first one opens the range at <paramref name="firstTick"/>.</summary>
    public void Hit(int tick, int firstTick, double score, double value, Mat frame)
    {
        if (!IsOpen)
        {
            IsOpen = true;
            FirstTick = firstTick;
            Frames = 0;
            BestScore = double.NegativeInfinity;
            Flag = false;
        }

        LastTick = tick;
        Frames++;
        _gap = 0;
        if (score > BestScore)
        {
            BestScore = score;
            EvidenceTick = tick;
            EvidenceValue = value;
            var height = Math.Max(1, (int)Math.Round(frame.Height * (double)_thumbnailWidth / frame.Width));
            Cv2.Resize(frame, _thumbnail, new Size(_thumbnailWidth, height), 0, 0, InterpolationFlags.Area);
        }
    }

    /// <summary>Counts an unflagged frame; true when the open range has now ended (more than the allowed gap).</summary>
    public bool Miss()
    {
        if (!IsOpen)
        {
            return false;
        }

        _gap++;
        return _gap > _maxGapFrames;
    }

    /// <summary>Ends the range and returns its thumbnail as PNG.</summary>
    public byte[] Close()
    {
        IsOpen = false;
        _gap = 0;
        return _thumbnail.Empty() ? [] : _thumbnail.ImEncode(".png");
    }

    /// <summary>Drops the open range without a finding.</summary>
    public void Discard()
    {
        IsOpen = false;
        _gap = 0;
    }

    public void Dispose() => _thumbnail.Dispose();
}
