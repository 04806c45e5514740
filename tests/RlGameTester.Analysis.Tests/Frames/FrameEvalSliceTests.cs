using RlGameTester.Analysis.Frames;
using RlGameTester.Bench.FrameEval;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Analysis.Tests.Frames;

/// <summary>freedoom1 (the evaluation's tuning split) loaded once for the slice tests.</summary>
public sealed class FrameEvalFixture
{
    internal EvalWad Wad { get; } = new(Support.DoomGraphics.Freedoom1Path);

    /// <summary>One seed of the tuning split, 3 clips per category: 48 clips, deterministic.</summary>
    internal FrameEvaluation Slice => _slice.Value;

    private readonly Lazy<FrameEvaluation> _slice;

    public FrameEvalFixture()
    {
        _slice = new(() => new FrameEvaluation(Wad, EvalSplit.Tuning.Seeds(1), 3, Math.Max(1, Environment.ProcessorCount)));
    }
}

/// <summary>
/// A small slice of bench/frame-eval.sh: the glitches it injects really are in the frames (the renderer's hole where a
/// wall lost its texture, the checkerboard, black, blank, frozen, flickering and noisy frames), the frames carry the
/// status bar the checks expect, and the checks find the glitch clips without flagging the clean ones.
/// </summary>
public sealed class FrameEvalSliceTests(FrameEvalFixture fixture) : IClassFixture<FrameEvalFixture>
{
    private const int ViewPixels = FrameComposer.Width * FrameComposer.ViewHeight;

    [Fact]
    public void AWallWithoutItsTextureLeavesTheClearIndexWhereTheWallWas()
    {
        var (entry, map, camera, wall) = FacingAWall();
        var clean = FrameComposer.View(new ViewRenderer(fixture.Wad.Level(entry).Scene, FrameComposer.Options), map, camera, 0);
        var broken = FrameComposer.View(new ViewRenderer(fixture.Wad.WithoutMiddleTexture(entry, wall), FrameComposer.Options), map, camera, 0);

        Assert.DoesNotContain(RenderOptions.DefaultClearIndex, clean);
        var hole = Enumerable.Range(0, ViewPixels).Where(p => broken[p] == RenderOptions.DefaultClearIndex).ToList();
        Assert.True(hole.Count >= ViewPixels / 50, $"only {hole.Count} pixels left undrawn");

        // The hole is where the wall was, in the middle of the view the camera faces, and nowhere else changed.
        Assert.Contains(hole, p => p % FrameComposer.Width == FrameComposer.Width / 2);
        Assert.All(Enumerable.Range(0, ViewPixels).Where(p => broken[p] != clean[p]), p => Assert.Equal(RenderOptions.DefaultClearIndex, broken[p]));
    }

    [Fact]
    public void ATextureReplacedByTheCheckerboardChangesThatWallOnly()
    {
        var (entry, map, camera, wall) = FacingAWall();
        var texture = map.Level.Sidedefs[wall].MiddleTexture;
        var clean = FrameComposer.View(new ViewRenderer(fixture.Wad.Level(entry).Scene, FrameComposer.Options), map, camera, 0);
        var checker = FrameComposer.View(new ViewRenderer(fixture.Wad.WithCheckerTexture(entry, texture, 251, 0, 16), FrameComposer.Options), map, camera, 0);

        var changed = Enumerable.Range(0, ViewPixels).Count(p => checker[p] != clean[p]);
        Assert.True(changed >= ViewPixels / 50, $"only {changed} pixels changed");
        Assert.DoesNotContain(RenderOptions.DefaultClearIndex, checker);
    }

    [Theory]
    [MemberData(nameof(Glitches))]
    public void EachInjectedGlitchChangesTheFramesAsIntended(string check)
    {
        var clip = new ClipMaker(fixture.Wad).Glitched(check, new Random(7));
        var inside = clip.Frames.Where(f => f.Tick >= clip.GlitchFirstTick && f.Tick <= clip.GlitchLastTick).ToList();
        Assert.NotEmpty(inside);
        string[] drawn = [FrameCheckNames.HallOfMirrors, FrameCheckNames.ClearColourFill, FrameCheckNames.MissingTexture];
        Assert.True(drawn.Contains(check) || clip.Frames.Count > inside.Count, "the clip has glitch-free frames around the glitch");
        switch (check)
        {
            case FrameCheckNames.BlackFrame:
                Assert.All(inside, f => Assert.True(f.Bgr.AsSpan(0, ViewPixels * 3).IndexOfAnyExcept((byte)0) < 0, "view not black"));
                break;
            case FrameCheckNames.BlankFrame:
                Assert.All(inside, f => Assert.Single(Colours(f.Bgr, ViewPixels)));
                break;
            case FrameCheckNames.FrozenVideo:
                Assert.True(clip.GlitchLastTick - clip.GlitchFirstTick >= 50, "a freeze of at least 50 tics");
                Assert.All(inside, f => Assert.True(f.Acting && f.Bgr.AsSpan().SequenceEqual(inside[0].Bgr), "the picture stops while the player acts"));
                break;
            case FrameCheckNames.Flicker:
                Assert.Contains(inside.Zip(inside.Skip(1)), pair => Difference(pair.First.Bgr, pair.Second.Bgr) > 40);
                break;
            case FrameCheckNames.Noise:
                Assert.All(inside, f => Assert.True(Colours(f.Bgr, ViewPixels).Count > 100, "no garbage"));
                break;
            default:
                // The renderer-made glitches (hole, checkerboard): the status bar is freedoom's STBAR under every frame.
                var bar = fixture.Wad.StatusBar;
                var composer = new FrameComposer(fixture.Wad);
                var expected = composer.ToBgr(bar.Pixels.AsSpan(0, FrameComposer.Width));
                Assert.All(clip.Frames, f => Assert.True(f.Bgr.AsSpan(ViewPixels * 3, FrameComposer.Width * 3).SequenceEqual(expected)));
                Assert.True(inside.Count >= 3, "the glitch is in view for at least 3 frames");
                break;
        }
    }

    [Fact]
    public void TheChecksFindTheGlitchClipsAndLeaveTheCleanOnesAlone()
    {
        var slice = fixture.Slice;
        TestContext.Current.TestOutputHelper?.WriteLine(slice.Report("tuning slice"));
        var (detected, flagged) = slice.Totals();

        // Whole-frame glitches are unmistakable: every one is found.
        string[] plain = [FrameCheckNames.BlackFrame, FrameCheckNames.BlankFrame, FrameCheckNames.Noise];
        Assert.All(slice.Outcomes.Where(o => plain.Contains(o.ExpectedCheck)), o => Assert.True(o.Detected, $"{o.ExpectedCheck} in {o.Level} missed"));

        // Under the full tuning split's figures (91.7 % found, 0.3 % flagged on 3 seeds): a regression guard.
        Assert.True(detected >= 0.7, slice.Report("tuning slice"));
        Assert.True(flagged <= 0.1, slice.Report("tuning slice"));
    }

    public static TheoryData<string> Glitches => [.. FrameCheckNames.All];

    /// <summary>E1M1's player start turned until a one-sided wall with a middle texture is 64-256 units ahead.</summary>
    private (Doom.Levels.LevelEntry Entry, LevelMap Map, Camera Camera, int Side) FacingAWall()
    {
        var entry = fixture.Wad.Entries.First(e => e.Name == "E1M1");
        var (scene, map) = fixture.Wad.Level(entry);
        var start = scene.Level.Things.Last(t => t.Type == 1);
        for (var angle = 0; angle < 360; angle += 5)
        {
            if (map.WallAhead(start.X, start.Y, angle, 4096) is { Distance: >= 64 and <= 256 } wall
                && !Doom.Levels.Sidedef.IsNoTexture(map.Level.Sidedefs[wall.Side].MiddleTexture))
            {
                return (entry, map, new Camera(start.X, start.Y, angle, 0), wall.Side);
            }
        }

        throw new InvalidOperationException("No wall ahead of E1M1's start.");
    }

    private static HashSet<int> Colours(byte[] bgr, int pixels)
    {
        var colours = new HashSet<int>();
        for (var p = 0; p < pixels; p++)
        {
            colours.Add(bgr[p * 3] | (bgr[(p * 3) + 1] << 8) | (bgr[(p * 3) + 2] << 16));
        }

        return colours;
    }

    private static double Difference(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < ViewPixels * 3; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum / (double)(ViewPixels * 3);
    }
}
