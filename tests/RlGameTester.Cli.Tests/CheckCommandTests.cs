using System.Xml.Linq;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;
using RlGameTester.TestSupport;

namespace RlGameTester.Cli.Tests;

/// <summary>
/// <c>rlgt check</c> on real levels (freedoom, and freedoom levels doctored byte by byte): what it finds, its exit codes
/// for CI, its load order of IWAD and resource WADs, and each output format read back the way its consumers read it.
/// </summary>
public sealed class CheckCommandTests
{
    private const string Missing = "NOSUCHTX";

    [Fact]
    public async Task AShippedLevelPassesTheDefaultGateWithExitCode0()
    {
        var result = await Rlgt.RunAsync("check", Fixtures.Freedoom1, "--level", "E1M1");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("E1M1", result.Output, StringComparison.Ordinal);
        Assert.Contains("passed: nothing at or above critical", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task AFindingAtOrAboveTheGateExits1AndBelowItExits0()
    {
        using var folder = Rlgt.Folder();
        var wad = folder.Write("map01.wad", WithUnknownTexture());

        var passed = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--format", "json");
        var failed = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--fail-on", "major", "--format", "json");

        // The unknown texture is major where the level does not target vanilla; nothing in the shipped level is critical.
        Assert.True(passed.Exit == 0, passed.ToString());
        Assert.True(failed.Exit == 1, failed.ToString());
        var finding = failed.Json["levels"]![0]!["findings"]!.AsArray().Single(f => f!["check_name"]!.GetValue<string>() == CheckNames.UnknownTexture)!;
        Assert.Equal("major", finding["severity"]!.GetValue<string>());
        Assert.Equal("unknown_texture", finding["bug_type"]!.GetValue<string>());
        Assert.Equal("static", finding["detection_source"]!.GetValue<string>());
        Assert.Equal("side", finding["element_kind"]!.GetValue<string>());
        Assert.Contains(Missing, finding["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(finding["fails"]!.GetValue<bool>());
        Assert.False(passed.Json["failed"]!.GetValue<bool>());
        Assert.True(failed.Json["failed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("missing-file")]
    [InlineData("not-a-wad")]
    [InlineData("unknown-level")]
    [InlineData("bad-skill")]
    [InlineData("bad-format")]
    [InlineData("no-command")]
    [InlineData("bad-iwad")]
    [InlineData("bad-mod")]
    [InlineData("bad-server")]
    [InlineData("no-key")]
    public async Task AnInputTheCommandCannotUseExits2SayingWhy(string kind)
    {
        using var folder = Rlgt.Folder();
        var text = folder.Write("notes.wad", "just some notes"u8.ToArray());
        string[] args = kind switch
        {
            "missing-file" => ["check", Path.Combine(folder.Path, "gone.wad")],
            "not-a-wad" => ["check", text],
            "unknown-level" => ["check", Fixtures.Freedoom1, "--level", "MAP99"],
            "bad-skill" => ["check", Fixtures.Freedoom1, "--skill", "9"],
            "bad-format" => ["check", Fixtures.Freedoom1, "--format", "xml"],
            "bad-iwad" => ["check", Fixtures.Freedoom1, "--iwad", text],
            "bad-mod" => ["check", Fixtures.Freedoom1, "--mod", text],
            "bad-server" => ["submit", Fixtures.Freedoom1, "--server", "ftp://levels", "--key", "k"],
            "no-key" => ["submit", Fixtures.Freedoom1, "--server", "http://127.0.0.1:9"],
            _ => [],
        };

        var result = await Rlgt.RunAsync(args);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Empty(result.Output);
        var expected = kind switch
        {
            "missing-file" => "cannot read " + Path.Combine(folder.Path, "gone.wad"),
            "not-a-wad" => $"{text} is not a readable WAD",
            "unknown-level" => "has no level MAP99; its levels: E1M1, E1M2",
            "bad-skill" => "--skill must be 1 to 5",
            "bad-format" => "xml",
            "bad-iwad" => $"{text} is not a readable WAD",
            "bad-mod" => $"{text} is neither a folder nor a readable PK3 (ZIP)",
            "bad-server" => "--server must be an absolute http or https address; got 'ftp://levels'",
            "no-key" => "give an API key with --key or the RLGT_API_KEY environment variable",
            _ => "Required command was not provided",
        };
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModGivenAsAFolderOrAPk3DecidesWhichBossEndsTheLevel()
    {
        // freedoom2's MAP04 with its walk-over exits flagged impassable: proven unfinishable with Doom's actors. A Baron
        // of Hell just inside an exit, which the mod's DECORATE replaces with a boss whose death calls A_BrainDie, ends it.
        using var folder = Rlgt.Folder();
        var wad = folder.Write("map04.wad", Map04EndedByAModsBoss());
        const string Decorate = "#include \"actors/boss.txt\"\n";
        const string Boss = "actor Overlord : BaronOfHell replaces BaronOfHell { States { Death: BOSS O -1 A_BrainDie Stop } }\n";
        var modFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "mod")).FullName;
        Directory.CreateDirectory(Path.Combine(modFolder, "actors"));
        File.WriteAllText(Path.Combine(modFolder, "DECORATE.txt"), Decorate);
        File.WriteAllText(Path.Combine(modFolder, "actors", "boss.txt"), Boss);
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(Path.Combine(folder.Path, "mod.pk3")), System.IO.Compression.ZipArchiveMode.Create))
        {
            await using (var entry = new StreamWriter(zip.CreateEntry("decorate.txt").Open()))
            {
                await entry.WriteAsync(Decorate);
            }

            await using (var entry = new StreamWriter(zip.CreateEntry("actors/boss.txt").Open()))
            {
                await entry.WriteAsync(Boss);
            }
        }

        string[] common = ["check", wad, "--iwad", Fixtures.Freedoom2, "--explore", "--format", "json"];
        var plain = await Rlgt.RunAsync(common);
        var fromFolder = await Rlgt.RunAsync([.. common, "--mod", modFolder]);
        var fromPk3 = await Rlgt.RunAsync([.. common, "--mod", Path.Combine(folder.Path, "mod.pk3")]);

        Assert.True(plain.Exit == 1, plain.ToString());
        Assert.False(plain.Json["levels"]![0]!["exploration"]!["exit_reached"]!.GetValue<bool>());
        foreach (var modded in new[] { fromFolder, fromPk3 })
        {
            Assert.True(modded.Exit == 0, modded.ToString());
            Assert.True(modded.Json["levels"]![0]!["exploration"]!["exit_reached"]!.GetValue<bool>(), modded.ToString());
        }
    }

    private static byte[] Map04EndedByAModsBoss()
    {
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP04");
        var exits = Enumerable.Range(0, level.LineCount).Where(i => level.LineField(i, 3) == 52).ToList();
        foreach (var line in exits)
        {
            level.SetLineField(line, 2, (ushort)(level.LineField(line, 2) | 1));
        }

        // Just inside the first exit line, on its right (front) side.
        var (x1, y1) = level.Vertex(level.LineField(exits[0], 0));
        var (x2, y2) = level.Vertex(level.LineField(exits[0], 1));
        var length = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
        level["THINGS"] = [.. level["THINGS"], .. new byte[10]];
        level.SetThing(level.ThingCount - 1, (short)(((x1 + x2) / 2) + (8 * (y2 - y1) / length)), (short)(((y1 + y2) / 2) - (8 * (x2 - x1) / length)), 3003, 7);
        return level.ToWad();
    }

    [Fact]
    public async Task ResourceWadsAreLoadedAfterTheIwadAndADoom1LevelGetsDoomsIwad()
    {
        using var folder = Rlgt.Folder();
        // Freedoom 2's MAP01 played with a scenario WAD as its IWAD (a handful of textures): its textures are unknown until
        // freedoom2.wad is loaded as a resource.
        var map01 = folder.Write("map01.wad", new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01").ToWad());
        var e1m1 = folder.Write("e1m1.wad", new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom1), "E1M1").ToWad());
        var scenario = Path.Combine(Fixtures.Wads, "health_gathering.wad");

        var alone = await Rlgt.RunAsync("check", map01, "--iwad", scenario, "--format", "json");
        var withResources = await Rlgt.RunAsync("check", map01, "--iwad", scenario, "--file", Fixtures.Freedoom2, "--format", "json");
        var doom1 = await Rlgt.RunAsync("check", e1m1, "--format", "json");

        Assert.NotEmpty(Unknown(alone));
        Assert.Empty(Unknown(withResources));
        Assert.Equal("freedoom1.wad", doom1.Json["levels"]![0]!["iwad"]!.GetValue<string>());
        Assert.Empty(Unknown(doom1));

        static List<string> Unknown(RlgtResult result) =>
        [
            .. result.Json["levels"]![0]!["findings"]!.AsArray()
                .Select(f => f!["check_name"]!.GetValue<string>())
                .Where(c => c is CheckNames.UnknownTexture or CheckNames.UnknownFlat or CheckNames.TextureMissingPatch),
        ];
    }

    [Fact]
    public async Task TheExplorerPlaysEachLevelAndItsFindingsComeInTheApisShape()
    {
        var result = await Rlgt.RunAsync("check", Fixtures.Freedoom1, "--level", "E1M1", "--explore", "--format", "json");

        Assert.True(result.Exit == 0, result.ToString());
        var level = result.Json["levels"]![0]!;
        Assert.True(level["exploration"]!["exit_reached"]!.GetValue<bool>(), level.ToJsonString());
        var explorer = level["findings"]!.AsArray().Where(f => f!["check_name"]!.GetValue<string>().StartsWith("explorer-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(explorer);
        Assert.All(explorer, f => Assert.Equal("telemetry", f!["detection_source"]!.GetValue<string>()));
        Assert.All(explorer, f => Assert.Contains(f!["check_name"]!.GetValue<string>(), CheckCatalog.ExplorerChecks));
    }

    [Fact]
    public async Task TheDeclaredCompatibilityDecidesWhetherAVanillaCrashFailsTheGate()
    {
        using var folder = Rlgt.Folder();
        // Line 0 of Freedoom 2's MAP01 loses both sides: vanilla Doom crashes loading the level, Boom substitutes a side.
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
        level.SetLineField(0, 5, ushort.MaxValue);
        level.SetLineField(0, 6, ushort.MaxValue);
        var wad = folder.Write("map01.wad", level.ToWad());

        var inferred = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2);
        var boom = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--compat", "boom");

        Assert.True(inferred.Exit == 1, inferred.ToString());
        Assert.Contains("line-without-sides  line 0", inferred.Output, StringComparison.Ordinal);
        Assert.True(boom.Exit == 0, boom.ToString());
        Assert.Contains("substitutes sidedef 0", boom.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JUnitHasASuitePerLevelAndACasePerCheckThatFailsOnlyAtTheGate()
    {
        using var folder = Rlgt.Folder();
        var wad = folder.Write("map01.wad", WithUnknownTexture());

        var result = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--fail-on", "major", "--format", "junit");

        Assert.True(result.Exit == 1, result.ToString());
        var root = XDocument.Parse(result.Output).Root!;
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("MAP01", (string)suite.Attribute("name")!);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
        Assert.True(cases.Count >= CheckCatalog.All.Count - CheckCatalog.ExplorerChecks.Count);
        var failing = cases.Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(failing.Count, (int)root.Attribute("failures")!);
        var unknown = Assert.Single(failing, c => (string)c.Attribute("name")! == CheckNames.UnknownTexture);
        Assert.Contains(Missing, unknown.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Equal("map01.wad.MAP01", (string)unknown.Attribute("classname")!);
        // Findings below the gate are kept as the case's output, not failures.
        Assert.All(failing, c => Assert.DoesNotContain("[minor]", c.Element("failure")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkdownTablesEveryLevelAndExplainsEachCheckThatFoundSomething()
    {
        using var folder = Rlgt.Folder();
        var wad = folder.Write("map01.wad", WithUnknownTexture());

        var result = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--fail-on", "major", "--format", "markdown");

        Assert.Contains("# rlgt check: map01.wad", result.Output, StringComparison.Ordinal);
        Assert.Contains("**Failed**", result.Output, StringComparison.Ordinal);
        Assert.Contains("| MAP01 |", result.Output, StringComparison.Ordinal);
        Assert.Contains($"- **{CheckNames.UnknownTexture}**: {CheckCatalog.Describe(CheckNames.UnknownTexture).Summary}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportGoesToTheOutputFileAndTheErrorStreamSaysWhere()
    {
        using var folder = Rlgt.Folder();
        var report = Path.Combine(folder.Path, "report.json");

        var result = await Rlgt.RunAsync("check", Fixtures.Freedoom1, "--level", "E1M1", "--format", "json", "--output", report);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Empty(result.Output);
        Assert.Contains($"wrote json to {report}", result.Error, StringComparison.Ordinal);
        var written = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken))!;
        Assert.Equal("E1M1", written["levels"]![0]!["level"]!.GetValue<string>());
    }

    [Fact]
    public void EveryCheckTheLibraryCanFileIsDescribed()
    {
        var names = typeof(CheckNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Concat(CheckCatalog.ExplorerChecks);

        Assert.All(names, name => Assert.Contains(CheckCatalog.All, d => d.Name == name && d.Summary.Length > 10 && d.Help.Length > 20));
    }

    /// <summary>Freedoom 2's MAP01 as a PWAD, its first side's middle texture renamed to one no WAD defines.</summary>
    internal static byte[] WithUnknownTexture()
    {
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
        level.SetSideTexture(0, 2, Missing);
        return level.ToWad();
    }
}
