using Microsoft.AspNetCore.Components.Web;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>The level map: lines in three paths, a marker per finding with a place, selectable by click and keyboard.</summary>
public sealed class LevelMapTests : IDisposable
{
    private readonly BunitContext _context = new();

    private static readonly MapGeometry Square = new()
    {
        MapId = 1,
        LevelName = "MAP01",
        Bounds = new GeometryBounds { MinX = 0, MinY = 0, MaxX = 256, MaxY = 128 },
        Lines = [[0, 0, 256, 0, 0], [256, 0, 256, 128, 0], [256, 128, 0, 128, 2], [0, 128, 0, 0, 0], [128, 0, 128, 128, 1]],
    };

    private static readonly Finding[] Findings =
    [
        new() { Id = 7, Severity = "major", Title = "Missing texture", PositionX = 64, PositionY = 32 },
        new() { Id = 8, Severity = "critical", Title = "Exit unreachable", PositionX = 200, PositionY = 100 },
        new() { Id = 9, Severity = "info", Title = "No place" },
    ];

    [Fact]
    public void LinesAreDrawnByKindWithYUpAndEachPlacedFindingIsAMarker()
    {
        var map = _context.Render<LevelMap>(p => p.Add(m => m.Geometry, Square).Add(m => m.Findings, Findings));

        // Each line relative to its start; the second wall goes on from where the first ended, the third starts elsewhere.
        Assert.Equal("M0 0l256 0l0 -128M0 -128l0 128", map.Find("path.wall").GetAttribute("d"));
        Assert.Equal("M256 -128l-256 0", map.Find("path.action").GetAttribute("d"));
        Assert.Equal("M128 0l0 -128", map.Find("path.two-sided").GetAttribute("d"));
        var markers = map.FindAll(".marker");
        Assert.Equal(["7", "8"], markers.Select(m => m.GetAttribute("data-finding")));
        Assert.Equal(("64", "-32"), (markers[0].GetAttribute("cx"), markers[0].GetAttribute("cy")));
        Assert.Contains("sev-critical", markers[1].ClassName, StringComparison.Ordinal);
        Assert.All(markers, m => Assert.Equal("0", m.GetAttribute("tabindex")));
        Assert.Equal("Map of MAP01 with 2 findings", map.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void AClickOrEnterOnAMarkerSelectsItsFindingAndOtherKeysDoNot()
    {
        var selected = new List<long>();
        var map = _context.Render<LevelMap>(p => p.Add(m => m.Geometry, Square).Add(m => m.Findings, Findings).Add(m => m.OnSelect, f => selected.Add(f.Id)));

        map.Find(".marker[data-finding='8']").Click();
        map.Find(".marker[data-finding='7']").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        map.Find(".marker[data-finding='7']").KeyDown(new KeyboardEventArgs { Key = "a" });

        Assert.Equal([8L, 7L], selected);
    }

    [Fact]
    public void TheSelectedMarkerIsDrawnLargerAndLastSoNothingCoversIt()
    {
        var map = _context.Render<LevelMap>(p => p.Add(m => m.Geometry, Square).Add(m => m.Findings, Findings).Add(m => m.SelectedId, 7L));

        var markers = map.FindAll(".marker");
        Assert.Equal("7", markers[^1].GetAttribute("data-finding"));
        Assert.Contains("selected", markers[^1].ClassName, StringComparison.Ordinal);
        Assert.True(double.Parse(markers[^1].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(markers[0].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _context.Dispose();
}
