using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>
/// The timeline chart: steps of health (left axis) and kills and deaths (right axis) scaled into the plot area
/// (x 60-560, y 220 at the bottom to 20 at the top), labelled axes, a description and a table for those who cannot see it.
/// </summary>
public sealed class TimelineChartTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private readonly BunitContext _context = new();

    private static readonly Timeline OneEpisode = new()
    {
        RunId = 4,
        Episodes =
        [
            new()
            {
                Episode = 1,
                Points =
                [
                    new() { Frame = 0, Timestamp = Start, EventType = "episode_start", Health = 100 },
                    new() { Frame = 50, Timestamp = Start.AddSeconds(1), EventType = "health_change", Health = 50 },
                    new() { Frame = 100, Timestamp = Start.AddSeconds(3), EventType = "kill", Health = 50, Kills = 2 },
                ],
            },
        ],
    };

    [Fact]
    public void EachSeriesIsAStepLineScaledToItsAxis()
    {
        var chart = _context.Render<TimelineChart>(p => p.Add(c => c.Timeline, OneEpisode));

        // Health 100 at the top (y 20) until tick 50, then 50 (y 120) to the end; x runs from tick 0 at 60 to tick 100 at 560.
        Assert.Equal("60,20 310,20 310,120 560,120", chart.Find("polyline.health").GetAttribute("points"));
        // Kills count on the right axis, whose top is the most (2): none until the last tick.
        Assert.Equal("60,220 560,220 560,20", chart.Find("polyline.kills").GetAttribute("points"));
        Assert.Equal("60,220 560,220", chart.Find("polyline.deaths").GetAttribute("points"));
    }

    [Fact]
    public void TheAxesAreLabelledWithTheirRangesAndTheChartDescribesItself()
    {
        var chart = _context.Render<TimelineChart>(p => p.Add(c => c.Timeline, OneEpisode));

        Assert.Equal(["0", "50", "100"], chart.FindAll(".health-tick text").Select(t => t.TextContent));
        Assert.Equal(["220", "120", "20"], chart.FindAll(".health-tick line").Select(l => l.GetAttribute("y1")));
        Assert.Equal(["0", "2"], chart.FindAll(".count-tick text").Select(t => t.TextContent));
        Assert.Equal(["Ticks", "Health", "Kills, deaths"], chart.FindAll("text.axis-label").Select(t => t.TextContent));
        Assert.Equal(["0", "100"], chart.FindAll("svg > text.tick").Select(t => t.TextContent));
        var svg = chart.Find("svg.timeline-chart");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("timeline-title timeline-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Health, kills and deaths in episode 1", chart.Find("title#timeline-title").TextContent);
        Assert.Equal("3 events, 0 to 100 ticks. Health from 100 to 50, lowest 50. 2 kills, 0 deaths.", chart.Find("desc#timeline-desc").TextContent);
        var rows = chart.FindAll(".timeline-table tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["50", "health change", "50", "0", "0"], rows[1].QuerySelectorAll("td").Select(c => c.TextContent));
    }

    [Fact]
    public void WithoutTicksTheXAxisIsSecondsAndHealthOverAHundredRaisesItsAxisToTheNextFifty()
    {
        var timeline = new Timeline
        {
            Episodes =
            [
                new()
                {
                    Points =
                    [
                        new() { Timestamp = Start, EventType = "episode_start", Health = 100 },
                        new() { Timestamp = Start.AddSeconds(8), EventType = "health_change", Health = 117 },
                        new() { Timestamp = Start.AddSeconds(10), EventType = "death", Health = -20, Deaths = 1 },
                    ],
                },
            ],
        };

        var chart = _context.Render<TimelineChart>(p => p.Add(c => c.Timeline, timeline));

        Assert.Equal("Seconds", chart.FindAll("text.axis-label")[0].TextContent);
        // 117 raises the axis to 150, the next round 50.
        Assert.Equal(["0", "75", "150"], chart.FindAll(".health-tick text").Select(t => t.TextContent));
        // 8 of 10 seconds is x 460; health below 0 is drawn at 0.
        Assert.Equal("60,86.7 460,86.7 460,64 560,64 560,220", chart.Find("polyline.health").GetAttribute("points"));
        Assert.Equal("60,220 560,220 560,20", chart.Find("polyline.deaths").GetAttribute("points"));
    }

    [Fact]
    public void ARunWithSeveralEpisodesChartsTheOneChosen()
    {
        var second = new TimelineEpisode { Episode = 2, Points = [new() { Frame = 7, EventType = "death", Health = 0, Deaths = 1 }] };
        var chart = _context.Render<TimelineChart>(p => p.Add(c => c.Timeline, OneEpisode with { Episodes = [OneEpisode.Episodes[0], second] }));

        Assert.Equal(["1", "2"], chart.FindAll("#timeline-episode option").Select(o => o.TextContent));
        chart.Find("#timeline-episode").Change("1");

        Assert.Equal("Health, kills and deaths in episode 2", chart.Find("title#timeline-title").TextContent);
        Assert.Equal("60,220 560,220", chart.Find("polyline.health").GetAttribute("points"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnEmptyTimelineSaysSoAndDrawsNothing(bool withAnEmptyEpisode)
    {
        var timeline = new Timeline { Episodes = withAnEmptyEpisode ? [new TimelineEpisode { Episode = 1 }] : [] };

        var chart = _context.Render<TimelineChart>(p => p.Add(c => c.Timeline, timeline));

        Assert.Contains("nothing to chart", chart.Find("p.timeline-empty").TextContent, StringComparison.Ordinal);
        Assert.Empty(chart.FindAll("svg"));
    }

    public void Dispose() => _context.Dispose();
}
