using System.Collections.Immutable;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Levels;

/// <summary>
/// A real UDMF level (deathmatch_rockets' MAP01, written by SLADE) changed to hold one defect GZDoom or dsda-doom
/// loads past: it still loads, one finding names the element, and every other element is as before.
/// </summary>
public sealed class TolerantUdmfReadingTests
{
    private const string Scenario = "deathmatch_rockets";

    private static readonly Lazy<Level> Original = new(() => LevelReader.ReadAll(WadFile.Read(Fixtures.ScenarioBytes(Scenario)))[0]);

    [Fact]
    public void ANumericKeyInAThingIsAnUnknownFieldOfThatThing()
    {
        var map = ScenarioTextmap.Load(Scenario).Insert("thing", 5, "1=true;");

        var (level, findings) = Read(map);

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfUnknownField);
        Assert.Equal((FindingSeverity.Info, ElementKind.Thing, 5), (finding.Severity, finding.Element, finding.Index));
        Assert.Equal((level.Things[5].X, level.Things[5].Y), (finding.X, finding.Y));
        Assert.StartsWith("Thing 5 (TEXTMAP line ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("has the key \"1\", which no port reads in a thing block; it is ignored.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyOnEveryThingIsOneFindingThatCountsThem()
    {
        var map = ScenarioTextmap.Load(Scenario);
        for (var i = 0; i < Original.Value.Things.Length; i++)
        {
            map.Insert("thing", i, "flags=7;");
        }

        var (level, findings) = Read(map);

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfUnknownField);
        Assert.Equal(0, finding.Index);
        Assert.EndsWith($"The same on {level.Things.Length - 1} more things (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...).", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFractionWhereAnIntegerIsDueReadsAsZeroAsInGZDoom()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("thing", 5, "type=2012;", "type=2012.0;");

        var (level, findings) = Read(map);

        Assert.Equal(0, level.Things[5].Type);
        AssertIntact(level, thing: 5);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfBadValue);
        Assert.Equal((FindingSeverity.Minor, ElementKind.Thing, 5), (finding.Severity, finding.Element, finding.Index));
        Assert.Contains("has type = 2012 where an integer is due: GZDoom warns and reads 0, dsda-doom refuses the map. Read as 0.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberWhereTrueOrFalseIsDueReadsAsFalseAsInGZDoom()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("linedef", 10, "twosided=true;", "twosided=1;");

        var (level, findings) = Read(map);

        Assert.False(level.Linedefs[10].HasFlag(LinedefFlags.TwoSided));
        AssertIntact(level, line: 10);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfBadValue);
        Assert.Equal((ElementKind.Line, 10), (finding.Element, finding.Index));
        Assert.Equal(Pipeline.Run(Fixtures.ScenarioBytes(Scenario))[0].Level.Linedefs.Length, level.Linedefs.Length);
    }

    [Fact]
    public void AnUnquotedTextureReadsAsNoTextureOnThatSidedef()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("sidedef", 2, "texturemiddle=\"BRONZE1\";", "texturemiddle=BRONZE1;");

        var (level, findings) = Read(map);

        Assert.Equal(Sidedef.NoTexture, level.Sidedefs[2].MiddleTexture);
        AssertIntact(level, side: 2);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfBadValue);
        Assert.Equal((ElementKind.Side, 2), (finding.Element, finding.Index));
        var line = level.Linedefs.ToList().FindIndex(l => l.FrontSide == 2 || l.BackSide == 2);
        var geometry = new Geometry.LevelGeometry(level);
        Assert.Equal(geometry.Midpoint(line), (finding.X, finding.Y));
    }

    [Fact]
    public void ASidedefWithoutItsSectorIsInSectorZeroAsInThePorts()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("sidedef", 2, "sector=22;", "");

        var (level, findings) = Read(map);

        Assert.Equal(0, level.Sidedefs[2].Sector);
        AssertIntact(level, side: 2);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfMissingField);
        Assert.Equal((ElementKind.Side, 2), (finding.Element, finding.Index));
    }

    [Fact]
    public void AKeyGivenTwiceKeepsItsLastValue()
    {
        var map = ScenarioTextmap.Load(Scenario).Insert("vertex", 2, "x=5.0;");

        var (level, findings) = Read(map);

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfDuplicateField);
        Assert.Equal((FindingSeverity.Info, ElementKind.Vertex, 2, -32.0, 1024.0), (finding.Severity, finding.Element, finding.Index, finding.X, finding.Y));
    }

    [Fact]
    public void UnknownBlocksAtTheTopAndInsideAThingAreIgnored()
    {
        var map = ScenarioTextmap.Load(Scenario).Insert("thing", 7, "lights { color = 5; inner { } }");
        map.Text += "\ncustom_data { a = 1; deeper { b = \"x\"; } }\n";

        var (level, findings) = Read(map);

        AssertIntact(level);
        var blocks = findings.Where(f => f.Check == CheckNames.UdmfUnknownBlock).ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Contains(blocks, f => f is { Element: ElementKind.Thing, Index: 7 });
        Assert.Contains(blocks, f => f.Element == ElementKind.Level && f.Message.Contains("\"custom_data\"", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralTokensAsTheValueOfAKeyNoPortReadsAreIgnored()
    {
        var map = ScenarioTextmap.Load(Scenario)
            .Insert("thing", 3, "notes = 1 2 3;")
            .Insert("thing", 4, "renderstyle = add stencil;");

        var (level, findings) = Read(map);

        AssertIntact(level);
        Assert.Contains(findings, f => f is { Check: CheckNames.UdmfUnknownField, Element: ElementKind.Thing, Index: 3 });
        var gzdoomOnly = Assert.Single(findings, f => f.Check == CheckNames.UdmfBadValue);
        Assert.Equal(4, gzdoomOnly.Index);
        Assert.Contains("GZDoom refuses the map, dsda-doom skips the key", gzdoomOnly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CapitalisedBooleansOctalAndHexReadWithoutProblems()
    {
        var map = ScenarioTextmap.Load(Scenario)
            .Replace("linedef", 10, "twosided=true;", "twosided=TRUE;")
            .Replace("sidedef", 2, "sector=22;", "sector=026;")
            .Replace("sector", 1, "special=512;", "special=0x200;");

        var (level, findings) = Read(map);

        AssertIntact(level);
        Assert.Empty(level.ReadProblems);
        Assert.Equal(Pipeline.Run(Fixtures.ScenarioBytes(Scenario))[0].Findings, findings);
    }

    [Fact]
    public void ASignSetApartFromItsNumberReadsAsOneNumber()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("vertex", 2, "x=-32.000;", "x= - 32.000;");

        var (level, _) = Read(map);

        AssertIntact(level);
        Assert.Empty(level.ReadProblems);
    }

    [Fact]
    public void AnIntegerBeyondAnyIntReadsAsZero()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("thing", 5, "id=31;", "id=99999999999;");

        var (level, findings) = Read(map);

        Assert.Equal(0, level.Things[5].Tid);
        AssertIntact(level, thing: 5);
        Assert.Single(findings, f => f is { Check: CheckNames.UdmfBadValue, Element: ElementKind.Thing, Index: 5 });
    }

    [Fact]
    public void ASidedefReferenceOutOfRangeIsDroppedAsThePortsDo()
    {
        var map = ScenarioTextmap.Load(Scenario).Replace("linedef", 10, "sideback=261;", "sideback=99999;");

        var (level, findings) = Read(map);

        Assert.Equal(-1, level.Linedefs[10].BackSide);
        AssertIntact(level, line: 10);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.BadLinedefSidedef);
        Assert.Equal((ElementKind.Line, 10), (finding.Element, finding.Index));
        Assert.StartsWith("Linedef 10 uses sidedef 99999 as its back side, but the level has only 285 sidedefs", finding.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f is { Check: CheckNames.TwoSidedFlagWithoutBack, Index: 10 });
    }

    [Fact]
    public void ACommentLeftOpenAfterTheLastBlockIsAFinding()
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text += "\n/* notes never closed\nthing { x = 0; }";

        var (level, findings) = Read(map);

        AssertIntact(level);
        Assert.Single(findings, f => f is { Check: CheckNames.UdmfUnclosedComment, Element: ElementKind.Level });
    }

    [Theory]
    [InlineData("", "The TEXTMAP has no namespace")]
    [InlineData("namespace=\"Legacy\";", "The namespace \"legacy\" is not one any port knows")]
    public void AMissingOrUnknownNamespaceReadsAsADoomMapAsInGZDoom(string replacement, string message)
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text = map.Text.Replace("namespace=\"zdoom\";", replacement, StringComparison.Ordinal);

        var (level, findings) = Read(map);

        Assert.True(level.UsesDoomSpecials);
        Assert.StartsWith(message, Assert.Single(findings, f => f.Check == CheckNames.UdmfNamespace).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANamespaceAfterTheFirstStatementIsIgnoredAsGZDoomIgnoresIt()
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text = map.Text.Replace("namespace=\"zdoom\";", "", StringComparison.Ordinal) + "\nnamespace=\"zdoom\";\n";

        var (level, findings) = Read(map);

        Assert.True(level.UsesDoomSpecials);
        Assert.Equal("zdoom", level.UdmfNamespace);
        Assert.Contains("is not the TEXTMAP's first statement", Assert.Single(findings, f => f.Check == CheckNames.UdmfNamespace).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondNamespaceIsIgnoredAndTheFirstKept()
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text += "\nnamespace=\"doom\";\n";

        var (level, findings) = Read(map);

        Assert.False(level.UsesDoomSpecials);
        Assert.Equal("zdoom", level.UdmfNamespace);
        AssertIntact(level);
        Assert.StartsWith("The TEXTMAP names a second namespace \"doom\"", Assert.Single(findings, f => f.Check == CheckNames.UdmfNamespace).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnquotedNamespaceIsReadAsGZDoomReadsIt()
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text = map.Text.Replace("namespace=\"zdoom\";", "namespace=ZDoom;", StringComparison.Ordinal);

        var (level, findings) = Read(map);

        Assert.False(level.UsesDoomSpecials);
        AssertIntact(level);
        Assert.Contains("without quotes", Assert.Single(findings, f => f.Check == CheckNames.UdmfNamespace).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheZDoomTranslatedNamespaceUsesDoomNumberedSpecials()
    {
        var map = ScenarioTextmap.Load(Scenario);
        map.Text = map.Text.Replace("namespace=\"zdoom\";", "namespace=\"ZDoomTranslated\";", StringComparison.Ordinal);

        var (level, _) = Read(map);

        Assert.True(level.UsesDoomSpecials);
        Assert.Empty(level.ReadProblems);
    }

    [Theory]
    [InlineData("thing", 5, "x { a = 1; }", "thing 5 holds a block \"x { ... }\" where the value of \"x\" is due; no port loads that.")]
    [InlineData("thing", 5, "angle = 90 180;", "expected ';' after the value of \"angle\", found \"180\" (thing 5); no port loads that")]
    [InlineData("linedef", 10, "v1 = 99999;", "Level MAP01: linedef 10 (TEXTMAP) uses vertex 99999 as its start, but the level has only 151 vertices.")]
    [InlineData("sidedef", 2, "sector = 24;", "Level MAP01: sidedef 2 (TEXTMAP) belongs to sector 24, but the level has only 24 sectors (SECTORS).")]
    [InlineData("vertex", 2, "y = 2e6;", "vertex 2 has y = 2000000, beyond the ±1000000 any Doom engine can hold.")]
    [InlineData("thing", 5, "comment = \"never closed;", "a quoted string is never closed")]
    [InlineData("thing", 5, "x = 1 }", "expected ';' after the value of \"x\", found \"}\"")]
    public void WhatNoPortLoadsIsStillRefusedWithTheReason(string kind, int index, string fields, string message)
    {
        var map = ScenarioTextmap.Load(Scenario).Append(kind, index, fields);

        var error = Assert.Throws<WadFormatException>(() => Read(map));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Level MAP01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALevelWhoseEndmapComesOnlyAfterTheNextLevelIsReadWithAFindingAndTheNextLevelIsFound()
    {
        var bytes = Fixtures.ScenarioBytes(Scenario);
        var lumps = RawLumps.Directory(bytes).Select(e => (e.Name, bytes.AsSpan(e.Offset, e.Size).ToArray())).ToList();
        lumps.RemoveAt(lumps.FindIndex(l => l.Name == "ENDMAP"));

        var levels = Pipeline.Run(WadWriter.Write(lumps));

        Assert.Equal(["MAP01", "MAP02"], levels.Select(l => l.Level.Name));
        AssertIntact(levels[0].Level);
        var finding = Assert.Single(levels[0].Findings, f => f.Check == CheckNames.UdmfMissingEndmap);
        Assert.Equal(FindingSeverity.Minor, finding.Severity);
        Assert.DoesNotContain(levels[1].Findings, f => f.Check == CheckNames.UdmfMissingEndmap);
    }

    [Fact]
    public void ALevelWithoutEndmapButWithZnodesIsReadWithACriticalFinding()
    {
        var map = ScenarioTextmap.Load(Scenario);
        var text = System.Text.Encoding.UTF8.GetBytes(map.Text);
        var wad = WadWriter.Write([("MAP01", []), ("TEXTMAP", text), ("ZNODES", [1, 2, 3, 4])]);

        var (level, _, findings) = Pipeline.Run(wad).Single();

        AssertIntact(level);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UdmfMissingEndmap);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Contains("GZDoom refuses to load the level", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProblemsReachTheReportOfAWholeWad()
    {
        var map = ScenarioTextmap.Load(Scenario).Insert("thing", 5, "1=true;");

        var report = Doom.Reports.WadReporter.Analyze(map.ToWad(), Pipeline.Freedoom2);

        var finding = Assert.Single(report.Levels[0].Findings, f => f.Check == CheckNames.UdmfUnknownField);
        Assert.Equal((ElementKind.Thing, 5), (finding.Element, finding.Index));
        Assert.Contains("\"Check\":\"udmf-unknown-field\"", System.Text.Json.JsonSerializer.Serialize(report), StringComparison.Ordinal);
        Assert.Equal(Original.Value.Things.Length, report.Levels[0].Metadata.ThingCount);
    }

    private static (Level Level, IReadOnlyList<Finding> Findings) Read(ScenarioTextmap map)
    {
        var results = Pipeline.Run(map.ToWad());
        return (results[0].Level, results[0].Findings);
    }

    // Every element equals the original level's, except those named (which the test checks itself).
    private static void AssertIntact(Level level, int thing = -1, int line = -1, int side = -1)
    {
        var original = Original.Value;
        Assert.Equal(Except(original.Things, thing), Except(level.Things, thing));
        Assert.Equal(Except(original.Linedefs, line), Except(level.Linedefs, line));
        Assert.Equal(Except(original.Sidedefs, side), Except(level.Sidedefs, side));
        Assert.Equal(original.Vertices, level.Vertices);
        Assert.Equal(original.Sectors, level.Sectors);
    }

    private static ImmutableArray<T> Except<T>(ImmutableArray<T> items, int index) => index < 0 ? items : items.RemoveAt(index);
}
