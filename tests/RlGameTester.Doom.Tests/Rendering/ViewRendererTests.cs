using RlGameTester.Doom.Rendering;

namespace RlGameTester.Doom.Tests.Rendering;

public sealed class ViewRendererTests
{
    [Fact]
    public void TheViewFromE1M1sStartIsTheSameBytesTwiceAndMostlyDrawn()
    {
        var scene = RenderFixtures.E1M1Scene;
        var renderer = new ViewRenderer(scene);
        var first = renderer.Render(RenderFixtures.Start(scene));
        var second = new ViewRenderer(scene).Render(RenderFixtures.Start(scene));
        RenderFixtures.SavePng(first, RenderFixtures.Freedoom1Set, "e1m1-start");

        Assert.Equal(first.Image.Pixels, second.Image.Pixels);
        Assert.Equal(first.Statistics, second.Statistics);
        var clear = first.Image.Pixels.Count(p => p == RenderOptions.DefaultClearIndex);
        Assert.True(clear < first.Image.Pixels.Length / 100, $"{clear} pixels left clear");
    }
}
