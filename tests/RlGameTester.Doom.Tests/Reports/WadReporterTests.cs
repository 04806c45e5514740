using System.Text.Json;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Reports;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Reports;

public sealed class WadReporterTests
{
    [Fact]
    public void AScenarioWadIsReportedLevelByLevelAndSerialises()
    {
        var report = WadReporter.Analyze(Fixtures.ScenarioBytes("deathmatch_rockets"), Pipeline.Freedoom2);

        Assert.Equal(WadKind.Pwad, report.Kind);
        Assert.Equal(["MAP01", "MAP02"], report.Levels.Select(l => l.Metadata.Name));
        Assert.Contains(report.Levels[1].Findings, f => f.Check == CheckNames.OverlappingLines);
        var json = JsonSerializer.Serialize(report);
        var back = JsonSerializer.Deserialize<WadReport>(json)!;
        Assert.Equal(report.Levels[1].Findings, back.Levels[1].Findings);
        Assert.Contains("\"Kind\":\"pwad\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AWadWithoutLevelsIsRefusedWithTheReason()
    {
        var bytes = WadWriter.Write([("DEHACKED", [1, 2, 3])]);

        var error = Assert.Throws<WadFormatException>(() => WadReporter.Analyze(bytes, Pipeline.Freedoom2));

        Assert.Contains("contains no level", error.Message, StringComparison.Ordinal);
    }
}
