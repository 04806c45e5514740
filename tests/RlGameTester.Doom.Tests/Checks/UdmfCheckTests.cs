using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Checks;

public sealed class UdmfCheckTests
{
    // The square room plus a closed box beside it (sector 1) whose walls have no textures.
    private const string SealedBox = """
        vertex { x = 512.0; y = 0.0; }
        vertex { x = 640.0; y = 0.0; }
        vertex { x = 640.0; y = 128.0; }
        vertex { x = 512.0; y = 128.0; }
        linedef { v1 = 4; v2 = 7; sidefront = 4; }
        linedef { v1 = 7; v2 = 6; sidefront = 5; }
        linedef { v1 = 6; v2 = 5; sidefront = 6; }
        linedef { v1 = 5; v2 = 4; sidefront = 7; }
        sidedef { sector = 1; }
        sidedef { sector = 1; }
        sidedef { sector = 1; }
        sidedef { sector = 1; }
        sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; }
        """;

    [Fact]
    public void AHandWrittenSquareRoomHasNoCriticalOrMajorFindings()
    {
        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(LevelFormatTests.SquareRoomTextmap)).Single().Findings;

        Assert.DoesNotContain(findings, f => f.Severity <= FindingSeverity.Major);
        Assert.Contains(findings, f => f.Check == CheckNames.MissingDeathmatchStarts);
    }

    [Fact]
    public void TheRoomWithoutItsPlayerStartIsCritical()
    {
        var textmap = LevelFormatTests.SquareRoomTextmap.Replace("type = 1;", "type = 2001;", StringComparison.Ordinal);

        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(textmap)).Single().Findings;

        Assert.Contains(findings, f => f is { Check: CheckNames.MissingPlayer1Start, Severity: FindingSeverity.Critical });
    }

    [Fact]
    public void FindingsSerialiseWithKebabCaseNamesAndLowerCaseEnums()
    {
        var textmap = LevelFormatTests.SquareRoomTextmap.Replace("type = 1;", "type = 2001;", StringComparison.Ordinal);
        var finding = Pipeline.Run(LevelFormatTests.UdmfWad(textmap)).Single().Findings.First(f => f.Check == CheckNames.MissingPlayer1Start);

        var json = System.Text.Json.JsonSerializer.Serialize(finding);

        Assert.Contains("\"Check\":\"missing-player1-start\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Severity\":\"critical\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Element\":\"level\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Index\":null", json, StringComparison.Ordinal);
        Assert.Equal(finding, System.Text.Json.JsonSerializer.Deserialize<Finding>(json));
    }

    [Fact]
    public void TheRoomWithoutItsExitLineCannotBeFinished()
    {
        var textmap = LevelFormatTests.SquareRoomTextmap.Replace(" special = 243; playeruse = true;", string.Empty, StringComparison.Ordinal);

        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(textmap)).Single().Findings;

        Assert.Contains(findings, f => f is { Check: CheckNames.LevelHasNoExit, Severity: FindingSeverity.Major, Element: ElementKind.Level });
    }

    [Fact]
    public void AnExitSpecialNothingCanTriggerIsFound()
    {
        var textmap = LevelFormatTests.SquareRoomTextmap.Replace(" playeruse = true;", string.Empty, StringComparison.Ordinal);

        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(textmap)).Single().Findings;

        Assert.Contains(findings, f => f is { Check: CheckNames.ActionWithoutActivation, Element: ElementKind.Line, Index: 2 });
    }

    [Fact]
    public void WallsOfASealedBoxNoPlayerCanSeeAreNotReported()
    {
        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(LevelFormatTests.SquareRoomTextmap + SealedBox)).Single().Findings;

        Assert.DoesNotContain(findings, f => f.Check == CheckNames.MissingTexture);
    }

    [Fact]
    public void TheSameBoxWithAPlayerInsideHasItsBlankWallsReported()
    {
        var withStart = LevelFormatTests.SquareRoomTextmap + SealedBox +
                        "thing { x = 576.0; y = 64.0; type = 2; skill1 = true; coop = true; }";

        var findings = Pipeline.Run(LevelFormatTests.UdmfWad(withStart)).Single().Findings;

        Assert.Equal([4, 5, 6, 7], findings.Where(f => f.Check == CheckNames.MissingTexture).Select(f => f.Index!.Value).Order());
    }

    [Fact]
    public void FindingsBeyondTheCapAreSummarisedNotListed()
    {
        var withStart = LevelFormatTests.SquareRoomTextmap + SealedBox +
                        "thing { x = 576.0; y = 64.0; type = 2; skill1 = true; coop = true; }";
        var wad = Doom.Wad.WadFile.Read(LevelFormatTests.UdmfWad(withStart));
        var level = Doom.Levels.LevelReader.ReadAll(wad)[0];
        var resources = new Doom.Resources.ResourceSet([Pipeline.Freedoom2]);

        var findings = LevelChecker.Check(level, resources, options: new CheckOptions { MaxFindingsPerCheck = 2 });

        Assert.Equal(2, findings.Count(f => f.Check == CheckNames.MissingTexture));
        var summary = Assert.Single(findings, f => f.Check == CheckNames.FindingsOmitted);
        Assert.Equal(FindingSeverity.Info, summary.Severity);
        Assert.Contains("2 more \"missing-texture\" findings", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioLevelsUsingOnlyDeathmatchStartsGetAMinorNoteNotACriticalOne()
    {
        foreach (var name in Fixtures.ScenarioWadNames)
        {
            foreach (var (level, _, findings) in Pipeline.Run(Fixtures.ScenarioBytes(name)))
            {
                Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Critical);
                if (!level.Things.Any(t => t.Type == 1))
                {
                    Assert.Contains(findings, f => f is { Check: CheckNames.MissingPlayer1Start, Severity: FindingSeverity.Minor });
                }
            }
        }
    }
}
