using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Tests.Frames.Support;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Frames;

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

    [Theory]
    [InlineData(0, true)] // the level left a part of the view undrawn
    [InlineData(20, false)] // beside a door or lift, drawn as the level starts: not the level's for certain
    public void WhatTheRenderersNoteSaysTheLevelLeftUndrawnIsAFindingWhateverThePixelsShow(int moverColumns, bool found)
    {
        // A clean clip: the picture holds nothing a check would flag; the note is the renderer's word.
        var clip = Factory.Room(new Random(1), "lit", 192, false, Motion.Walk, frames: 12, step: 2);
        var viewPixels = 320 * (240 - (int)Math.Round(240 * new FrameCheckOptions().StatusBarFraction));
        using var checker = new FrameChecker(new FrameCheckOptions());
        foreach (var (frame, i) in clip.Frames.Select((f, i) => (f, i)))
        {
            using var mat = frame.Frame.ToMat();
            var undrawn = i is 4 or 5 ? viewPixels / 10 : i == 8 ? viewPixels / 100 : 0;
            checker.Add(frame.Tick, mat, frame.Acting, new RendererNote(undrawn, undrawn > 0 ? 40 : 0, undrawn > 0 ? moverColumns : 0, 0));
        }

        var findings = checker.Complete();

        if (!found)
        {
            Assert.Empty(findings);
            return;
        }

        // Frames 4 and 5 (10% of the view); frame 8's 1% is under the 2% a clear-colour fill needs too.
        var undrawnView = Assert.Single(findings);
        Assert.Equal(FrameCheckNames.UndrawnView, undrawnView.Check);
        Assert.Equal((clip.Frames[4].Tick, clip.Frames[5].Tick, 2), (undrawnView.FirstTick, undrawnView.LastTick, undrawnView.FrameCount));
        Assert.Equal(BugSeverity.Major, undrawnView.Severity);
        Assert.Contains("10 % of the view", undrawnView.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ADarkRoomIsNotABlackFrame()
    {
        var clip = Factory.Room(new Random(2), "dark", 64, false, Motion.Walk, frames: 16, step: 2);

        Assert.Empty(Check(clip));
    }

    [Theory]
    [InlineData(320, 240)]
    [InlineData(640, 480)]
    public void StoryScreensAreTiledFlatsAndNoLevelViewIs(int width, int height)
    {
        var factory = new ClipFactory(DoomGraphics.Shared, width, height);
        var options = new FrameCheckOptions();
        var stories = Enumerable.Range(0, 12).Select(i => factory.TextScreen(new Random(100 + i))).ToList();
        var views = Enumerable.Range(0, 12).Select(i => factory.Room(new Random(200 + i), "room", ClipFactory.RandomLight(new Random(i)), i % 3 == 0,
            (Motion)(i % 5), frames: 12, step: 3)).ToList();

        using var analyzer = new FrameAnalyzer(options);
        double Tiled(ClipFrame frame, bool jpeg)
        {
            using var mat = frame.Frame.ToMat();
            using var decoded = jpeg ? Cv2.ImDecode(mat.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 75)), ImreadModes.Color) : mat.Clone();
            return analyzer.Measure(decoded).TiledFraction;
        }

        // A story screen (text typed over a flat, as PNG or JPEG) repeats one flat's width to the right, unless its flat is
        // too smooth to tell (then no scene check fires on it either: they need texture, or a moving camera).
        var storyFrames = stories.SelectMany(c => c.Frames).ToList();
        foreach (var jpeg in new[] { false, true })
        {
            var tiled = storyFrames.Select(f => Tiled(f, jpeg)).ToList();
            Assert.All(tiled, t => Assert.True(double.IsNaN(t) || t >= options.TiledScreenMinFraction, $"a story screen {(jpeg ? "as JPEG " : "")}repeats over {t:P0}"));
            Assert.True(tiled.Count(t => t >= options.TiledScreenMinFraction) >= 0.75 * tiled.Count, $"{tiled.Count(double.IsNaN)} of {tiled.Count} story frames too smooth to tell");
        }

        // No view of a level repeats so, and the scene checks run on story screens no more: none of them fires there.
        var viewFrames = views.SelectMany(c => c.Frames).ToList();
        var tiledViews = viewFrames.Select(f => Tiled(f, jpeg: false)).Where(t => t >= options.TiledScreenMinFraction).ToList();
        Assert.True(tiledViews.Count == 0, $"{tiledViews.Count} of {viewFrames.Count} level views taken for story screens");
        // (Some flats the factory picks are near black: such a screen is a black frame until its text comes.)
        var raised = stories.SelectMany(c => Check(c)).Where(f => f.Check != FrameCheckNames.BlackFrame).ToList();
        Assert.True(raised.Count == 0, string.Join("\n", raised.Select(f => $"{f.Check} ticks {f.FirstTick}-{f.LastTick}: {f.Description}")));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(24, false)]
    public void AClearColourIsOneHoleNotATexturesPatches(int gridSpacing, bool clearFill)
    {
        // A walk with a third of the view one exact colour: in one piece (nothing drawn there), or cut by dark lines into
        // patches as a lit texture with large areas of one colour is.
        var clip = Factory.Room(new Random(21), "lit", 176, false, Motion.Walk, frames: 12, step: 2);
        for (var i = 0; i < clip.Frames.Count; i++)
        {
            var frame = clip.Frames[i].Frame.Clone();
            for (var y = 40; y < 150; y++)
            {
                for (var x = 60; x < 220; x++)
                {
                    var line = gridSpacing > 0 && ((x + (3 * i)) % gridSpacing < 2 || (y + (2 * i)) % gridSpacing < 2);
                    frame.Set(x, y, line ? 24 : 200, line ? 8 : 40, line ? 8 : 40);
                }
            }

            clip.Frames[i] = clip.Frames[i] with { Frame = frame };
        }

        var found = Check(clip).Any(f => f.Check == FrameCheckNames.ClearColourFill);

        Assert.Equal(clearFill, found);
    }

    [Fact]
    public void GarbageOverAStoryScreenIsStillNoise()
    {
        var clip = Factory.TextScreen(new Random(11));
        var rng = new Random(12);
        for (var i = 10; i < 13; i++)
        {
            var frame = clip.Frames[i].Frame.Clone();
            Noise(rng, frame, 0, frame.Height);
            clip.Frames[i] = clip.Frames[i] with { Frame = frame };
        }

        Assert.Contains(Check(clip), f => f.Check == FrameCheckNames.Noise && f.FirstTick == clip.Frames[10].Tick);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.05, false)]
    public void OnlyOneExactBlackIsABlackFrameNotTheFaintestShades(double dim, bool black)
    {
        // Four frames of a walk whose view goes dark under a drawn status bar: to one exact black (nothing rendered), or to
        // the faintest shades of the scene, as Doom draws a sector lit below 48.
        var clip = Factory.Room(new Random(31), "lit", 160, false, Motion.Walk, frames: 12, step: 2);
        for (var i = 4; i < 8; i++)
        {
            var frame = clip.Frames[i].Frame.Clone();
            frame.Scale(dim, 0, frame.ViewRows);
            clip.Frames[i] = clip.Frames[i] with { Frame = frame };
            using var mat = frame.ToMat();
            using var analyzer = new FrameAnalyzer(new FrameCheckOptions());
            Assert.True(analyzer.Measure(mat).LitFraction <= new FrameCheckOptions().BlackMaxLitFraction, "the view is not dark enough to test");
        }

        var findings = Check(clip);

        Assert.Equal(black, findings.Any(f => f.Check == FrameCheckNames.BlackFrame && f.FirstTick == clip.Frames[4].Tick));
        Assert.DoesNotContain(findings, f => f.Check != FrameCheckNames.BlackFrame);
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
        await foreach (var finding in FrameChecks.CheckAsync(Frames(), new FrameCheckOptions(), null, null, TestContext.Current.CancellationToken))
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
