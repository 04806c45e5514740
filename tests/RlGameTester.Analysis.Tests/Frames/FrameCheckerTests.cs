using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Tests.Frames.Support;
using RlGameTester.Data.Bugs;

namespace RlGameTester.Analysis.Tests.Frames;

/// <summary>Behaviour of the frame checker on single scenes made from freedoom's graphics.</summary>
public sealed class FrameCheckerTests
{
    private static readonly ClipFactory Factory = new(DoomGraphics.Shared, 320, 240);

    [Fact]
    public void BlackFramesAreReportedWithTheirTickRangeAndAPngThumbnail()
    {
        var clip = Factory.Room(new Random(1), "lit", 192, false, Motion.Walk, frames: 12, step: 2);
        for (var i = 5; i <= 6; i++)
        {
            clip.Frames[i].Frame.Fill(0, 0, 0);
        }

        var findings = Check(clip);

        var black = Assert.Single(findings);
        Assert.Equal(FrameCheckNames.BlackFrame, black.Check);
        Assert.Equal(clip.Frames[5].Tick, black.FirstTick);
        Assert.Equal(clip.Frames[6].Tick, black.LastTick);
        Assert.Equal(2, black.FrameCount);
        Assert.Equal(BugSeverity.Major, black.Severity);
        Assert.InRange(black.EvidenceTick, black.FirstTick, black.LastTick);
        using var thumbnail = Cv2.ImDecode(black.Thumbnail, ImreadModes.Color);
        Assert.Equal(160, thumbnail.Width);
        Assert.Equal(120, thumbnail.Height);
    }

    [Fact]
    public void ADarkRoomIsNotABlackFrame()
    {
        var clip = Factory.Room(new Random(2), "dark", 64, false, Motion.Walk, frames: 16, step: 2);

        Assert.Empty(Check(clip));
    }

    [Fact]
    public void AStillViewIsFrozenVideoOnlyWhileTheAgentActs()
    {
        var standing = Factory.Room(new Random(3), "standing", 160, false, Motion.Stand, frames: 30, step: 4);
        var acting = new Clip("acting", null);
        foreach (var f in standing.Frames)
        {
            acting.Add(f.Tick, f.Frame, true);
        }

        Assert.Empty(Check(standing));
        var frozen = Assert.Single(Check(acting));
        Assert.Equal(FrameCheckNames.FrozenVideo, frozen.Check);
        Assert.Equal(standing.Frames[0].Tick, frozen.FirstTick);
        Assert.Equal(standing.Frames[^1].Tick, frozen.LastTick);
    }

    [Fact]
    public void FrozenVideoWaitsForTheConfiguredTime()
    {
        var clip = Factory.BriefStill(new Random(4), 1.4);

        Assert.Empty(Check(clip));
        Assert.Contains(Check(clip, new FrameCheckOptions { FrozenSeconds = 1 }), f => f.Check == FrameCheckNames.FrozenVideo);
    }

    [Fact]
    public void NoiseInTheStatusBarIsIgnoredButNoiseInTheViewIsNot()
    {
        var inBar = Factory.Room(new Random(5), "lit", 176, false, Motion.Turn, frames: 10, step: 2);
        var inView = Factory.Room(new Random(5), "lit", 176, false, Motion.Turn, frames: 10, step: 2);
        var rng = new Random(6);
        var bar = inBar.Frames[4].Frame;
        Noise(rng, bar, bar.ViewRows, bar.Height);
        var view = inView.Frames[4].Frame;
        Noise(rng, view, 40, 160);

        Assert.Empty(Check(inBar));
        Assert.Contains(Check(inView), f => f.Check == FrameCheckNames.Noise && f.FirstTick == inView.Frames[4].Tick);
    }

    [Fact]
    public void EncodedFramesGiveTheSameFindingsAsDecodedOnes()
    {
        var clip = Factory.BlackFrames(new Random(7));
        using var checker = new FrameChecker(new FrameCheckOptions());
        foreach (var frame in clip.Frames)
        {
            using var mat = frame.Frame.ToMat();
            checker.Add(frame.Tick, mat.ImEncode(".png"), frame.Acting);
        }

        var fromPng = checker.Complete().Select(f => (f.Check, f.FirstTick, f.LastTick));
        Assert.Equal(Check(clip).Select(f => (f.Check, f.FirstTick, f.LastTick)), fromPng);
        Assert.NotEmpty(fromPng);
    }

    [Fact]
    public void FramesMustComeInTickOrder()
    {
        using var checker = new FrameChecker(new FrameCheckOptions());
        using var frame = Factory.TitleScreen(new Random(8)).Frames[0].Frame.ToMat();
        checker.Add(10, frame, false);

        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Add(10, frame, false));
    }

    [Fact]
    public void BytesThatAreNoImageAreRejected()
    {
        using var checker = new FrameChecker(new FrameCheckOptions());

        Assert.Throws<InvalidDataException>(() => checker.Add(1, "not a picture"u8, false));
    }

    [Fact]
    public void OptionsBindFromTheAnalysisFramesSectionAndOutOfRangeValuesFailValidation()
    {
        static IOptions<FrameCheckOptions> Bind(string seconds)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Analysis:Frames:FrozenSeconds"] = seconds });
            builder.AddFrameChecks();
            return builder.Build().Services.GetRequiredService<IOptions<FrameCheckOptions>>();
        }

        Assert.Equal(5, Bind("5").Value.FrozenSeconds);
        Assert.Equal(175, Bind("5").Value.FrozenTicks);
        Assert.Throws<OptionsValidationException>(() => Bind("-1").Value);
    }

    [Fact]
    public void AFindingBecomesAVisualGlitchBugOfTheFrameDetector()
    {
        var finding = new FrameFinding(FrameCheckNames.Flicker, BugSeverity.Minor, 0.7, 100, 120, 110, 6, "The view alternates.", [1, 2]);

        var bug = finding.ToBug(runId: 3, mapId: 4, new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), "runs/3/frames/110.png");

        Assert.Equal(BugType.VisualGlitch, bug.BugType);
        Assert.Equal(DetectionSource.Frames, bug.DetectionSource);
        Assert.Equal("flicker", bug.CheckName);
        Assert.Equal("Flicker at ticks 100-120", bug.Title);
        Assert.Equal(110, bug.Frame);
        Assert.Equal(0.7, bug.Confidence);
        Assert.Equal("runs/3/frames/110.png", bug.ScreenshotPath);
        Assert.Contains("\"first_tick\":100", bug.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsyncStreamsTheFindingsOfEncodedFrames()
    {
        var clip = Factory.Flicker(new Random(9));
        async IAsyncEnumerable<RunFrame> Frames()
        {
            foreach (var frame in clip.Frames)
            {
                await Task.Yield();
                using var mat = frame.Frame.ToMat();
                yield return new RunFrame(frame.Tick, mat.ImEncode(".jpg"), frame.Acting);
            }
        }

        var findings = new List<FrameFinding>();
        await foreach (var finding in FrameChecks.CheckAsync(Frames(), new FrameCheckOptions(), null, TestContext.Current.CancellationToken))
        {
            findings.Add(finding);
        }

        Assert.Contains(findings, f => f.Check == FrameCheckNames.Flicker);
    }

    private static IReadOnlyList<FrameFinding> Check(Clip clip, FrameCheckOptions? options = null)
    {
        using var checker = new FrameChecker(options ?? new FrameCheckOptions());
        foreach (var frame in clip.Frames)
        {
            using var mat = frame.Frame.ToMat();
            checker.Add(frame.Tick, mat, frame.Acting);
        }

        return checker.Complete();
    }

    private static void Noise(Random rng, FrameBuffer frame, int fromRow, int toRow)
    {
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                frame.Set(x, y, rng.Next(256), rng.Next(256), rng.Next(256));
            }
        }
    }
}
