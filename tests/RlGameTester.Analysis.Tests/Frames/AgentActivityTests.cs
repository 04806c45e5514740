using RlGameTester.Analysis.Frames;

namespace RlGameTester.Analysis.Tests.Frames;

/// <summary>When the agent counts as acting for frozen video: between position samples that differ.</summary>
public sealed class AgentActivityTests
{
    [Fact]
    public void WithoutPositionEventsEveryFrameCountsAsActing()
    {
        var activity = AgentActivity.From([]);

        Assert.False(activity.Known);
        Assert.True(activity.ActedBetween(null, 10, 12));
    }

    [Fact]
    public void TheAgentActsBetweenSamplesThatDifferInPlaceOrFacing()
    {
        var activity = AgentActivity.From(
        [
            (1, 0, 100, 100, 90), (1, 10, 100, 100, 90), // still
            (1, 20, 110, 100, 90), // moved during 11-20
            (1, 30, 110, 100, 90), // still
            (1, 40, 110, 100, 180), // turned during 31-40
            (1, 50, 110, 100, 180),
        ]);

        Assert.True(activity.Known);
        Assert.False(activity.ActedBetween(1, 2, 10));
        Assert.True(activity.ActedBetween(1, 8, 12));
        Assert.True(activity.ActedBetween(1, 19, 21));
        Assert.False(activity.ActedBetween(1, 20, 30));
        Assert.True(activity.ActedBetween(1, 36, 38));
        Assert.False(activity.ActedBetween(1, 40, 60));
    }

    [Fact]
    public void AFramesEpisodeIsJudgedByThatEpisodesSamples()
    {
        var activity = AgentActivity.From(
        [
            (1, 0, 0, 0, null), (1, 100, 50, 0, null), // episode 1 moves during 1-100
            (2, 0, 0, 0, null), (2, 100, 0, 0, null), // episode 2 stands
        ]);

        Assert.True(activity.ActedBetween(1, 40, 44));
        Assert.False(activity.ActedBetween(2, 40, 44));
        // A frame without an episode is judged by every episode's samples.
        Assert.True(activity.ActedBetween(null, 40, 44));
    }
}
