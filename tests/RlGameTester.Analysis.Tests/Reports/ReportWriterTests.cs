using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Reports;
using RlGameTester.Analysis.Runs;
using RlGameTester.Analysis.Shots;
using RlGameTester.Analysis.Tests.Reports.Support;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Reports;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Domain.Agents;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests.Reports;

/// <summary>
/// Reports written from real analysed runs and real level checks on PostgreSQL, by the templates and by an
/// OpenAI-compatible server on loopback (its failures falling back to the templates with the reason stored).
/// </summary>
public sealed class ReportWriterTests : DatabaseTest
{
    [Fact]
    public async Task WithoutAnLlmTheTemplatesNameEachFindingWithItsPlaceEvidenceAndFix()
    {
        var (_, runId) = await SeedAsync();

        await using (var db = Db())
        {
            await Writer(db).WriteRunReportAsync(runId, ReportTrigger.RunAnalysed, Token);
        }

        await using var read = Db();
        var bugs = await read.Bugs.Where(b => b.RunId == runId).OrderBy(b => b.Id).ToListAsync(Token);
        Assert.Equal([BugType.InstantDeath, BugType.SpawnDeath, BugType.StuckState], bugs.Select(b => b.BugType).OrderBy(SnakeCase.Of));
        var metric = await read.Metrics.SingleAsync(m => m.RunId == runId, Token);
        var report = await read.Reports.SingleAsync(r => r.RunId == runId, Token);
        Assert.Equal(ReportSubject.Run, report.Subject);
        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.Equal("no llm connection string configured", report.FallbackReason);
        Assert.Null(report.Model);
        Assert.Equal(bugs.Select(b => b.Id).Order(), report.CitedFindingIds.Order());
        Assert.Matches("^[0-9a-f]{64}$", report.EvidenceFingerprint);

        var md = report.Markdown;
        Assert.Contains("> Written from templates, not by an LLM: no llm connection string configured.", md);
        Assert.Contains($"![E1M1 with bug markers labelled by bug id](/api/runs/{runId}/image)", md);
        Assert.Contains(FormattableString.Invariant($"## Hardness: {metric.HardnessScore:0.00} / 100 (hard)"), md);
        // 1 death in 2 episodes is 17.5 of 35, no kills 25 of 25: kills drive it.
        Assert.Contains("Driven mostly by kills (25 of 25 points: 0 kills per episode", md);
        Assert.Contains("| deaths | 17.50 of 35 | 1 death in 2 episodes | 35 at one death per episode or more |", md);
        foreach (var bug in bugs)
        {
            Assert.Contains($"### [#{bug.Id}] {bug.Title}", md);
            Assert.Contains($"| [#{bug.Id}] | {SnakeCase.Of(bug.Severity)} |", md);
        }

        var stuck = bugs.Single(b => b.BugType == BugType.StuckState);
        Assert.Contains("- **Where:** (1056, -3264), episode 1, ticks 4-480 (0:00.11 to 0:13.71)", md);
        Assert.Contains("- **How sure:** 95 % (high): telemetry detector stuck-state", md);
        Assert.Contains("- **Suggested fix:** Check for geometry snags around (1056, -3264) in episode 1", md);
        Assert.Contains("samples 120", md);
        var instant = bugs.Single(b => b.BugType == BugType.InstantDeath);
        Assert.Contains("- **Evidence:** old 100, new -5, event id", md);
        Assert.Contains("Give the player a chance around (1100, -3100) in episode 2", md);
        Assert.Contains($"Fix first: [#{instant.Id}]", md);
        Assert.Contains("## What to fix first", md);

        var document = JsonSerializer.Deserialize(report.Content, ReportJson.Default.ReportDocument)!;
        Assert.Equal(runId, document.RunId);
        Assert.Equal(metric.HardnessScore, document.Hardness!.Score);
        Assert.Equal(25, document.Hardness.KillPoints);
        Assert.Equal(bugs.Count, document.Findings.Count);
        Assert.Equal("critical", document.Findings[0].Severity);
        var stuckEntry = document.Findings.Single(f => f.Id == stuck.Id);
        Assert.Equal("(1056, -3264), episode 1, ticks 4-480 (0:00.11 to 0:13.71)", stuckEntry.Place);
        Assert.Equal(1056, stuckEntry.X);
        Assert.StartsWith("Check for geometry snags around (1056, -3264)", stuckEntry.Fix);
        Assert.All(document.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Evidence)));
    }

    [Fact]
    public async Task TheLlmIsSentTheEvidenceAndItsReportIsStoredWithTheIdsItCites()
    {
        var (_, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request => LlmReply.Report(EvidenceIds(request));

        await using (var db = Db())
        {
            await Writer(db, llm).WriteRunReportAsync(runId, ReportTrigger.RunAnalysed, Token);
        }

        await using var read = Db();
        var bugs = await read.Bugs.Where(b => b.RunId == runId).OrderBy(b => b.Id).ToListAsync(Token);
        var metric = await read.Metrics.SingleAsync(m => m.RunId == runId, Token);

        var request = Assert.Single(llm.Requests);
        Assert.Equal(FakeLlmServer.Model, request["model"]!.GetValue<string>());
        Assert.Contains("[#id]", request["messages"]![0]!["content"]!.GetValue<string>());
        var evidence = llm.LastEvidence();
        Assert.Equal("run", evidence["subject"]!.GetValue<string>());
        Assert.Equal(runId, evidence["run"]!["id"]!.GetValue<long>());
        Assert.Equal("E1M1", evidence["map"]!["level_name"]!.GetValue<string>());
        Assert.Equal(metric.HardnessScore, evidence["metrics"]!["hardness_score"]!.GetValue<double>());
        Assert.Equal(25, evidence["metrics"]!["kill_points"]!.GetValue<double>());
        Assert.Equal(17.5, evidence["metrics"]!["death_points"]!.GetValue<double>());
        var sent = evidence["findings"]!.AsArray();
        Assert.Equal(bugs.Select(b => b.Id).Order(), sent.Select(f => f!["id"]!.GetValue<long>()).Order());
        foreach (var bug in bugs)
        {
            var finding = sent.Single(f => f!["id"]!.GetValue<long>() == bug.Id)!;
            Assert.Equal(bug.Title, finding["title"]!.GetValue<string>());
            Assert.Equal(SnakeCase.Of(bug.BugType), finding["type"]!.GetValue<string>());
            Assert.Equal(SnakeCase.Of(bug.Severity), finding["severity"]!.GetValue<string>());
        }

        var stuck = sent.Single(f => f!["type"]!.GetValue<string>() == "stuck_state")!;
        Assert.Equal(1056, stuck["x"]!.GetValue<double>());
        Assert.Equal(120, stuck["evidence"]!["samples"]!.GetValue<int>());

        var report = await read.Reports.SingleAsync(r => r.RunId == runId, Token);
        Assert.Equal(ReportGenerator.Llm, report.Generator);
        Assert.Equal(FakeLlmServer.Model, report.Model);
        Assert.Null(report.FallbackReason);
        Assert.Equal(bugs.Select(b => b.Id).Order(), report.CitedFindingIds.Order());
        Assert.StartsWith("# What breaks E1M1", report.Markdown);
        Assert.Contains($"> Written by the LLM `{FakeLlmServer.Model}` from the stored evidence only", report.Markdown);
        Assert.Contains("## Why it plays badly", report.Markdown);
        Assert.Contains("Deaths drive the score", report.Markdown);
        foreach (var bug in bugs)
        {
            Assert.Contains($"- **Suggested fix:** LLM fix for {bug.Id}", report.Markdown);
        }

        // The facts still come from the evidence.
        Assert.Contains("- **Where:** (1056, -3264), episode 1, ticks 4-480 (0:00.11 to 0:13.71)", report.Markdown);
    }

    [Fact]
    public async Task AnLlmThatTakesTooLongIsLeftForTheTemplatesAfterTheTimeoutAndNotAskedAgainForTheLevel()
    {
        var (mapId, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request => LlmReply.Report(EvidenceIds(request)) with { Delay = TimeSpan.FromSeconds(30) };

        await using (var db = Db())
        {
            await Writer(db, llm, new ReportOptions { LlmTimeout = TimeSpan.FromSeconds(1) }).RunAnalysedAsync(runId, mapId, Token);
        }

        await using var read = Db();
        var report = await read.Reports.SingleAsync(r => r.RunId == runId, Token);
        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.Equal("LLM timed out after 1 s", report.FallbackReason);
        Assert.Contains("> Written from templates, not by an LLM: LLM timed out after 1 s.", report.Markdown);
        var level = await read.Reports.SingleAsync(r => r.Subject == ReportSubject.Map && r.MapId == mapId, Token);
        Assert.Equal(ReportGenerator.Template, level.Generator);
        Assert.Equal($"LLM timed out after 1 s on the run {runId} report just before; not asked again for this one", level.FallbackReason);
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task AnLlmAnsweringHttp500IsLeftForTheTemplatesWithTheStatus()
    {
        var (_, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = _ => new LlmReply(500, "the model is overloaded");

        var report = await WriteRunAsync(runId, llm);

        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.StartsWith("LLM answered HTTP 500", report.FallbackReason);
        Assert.Contains("the model is overloaded", report.FallbackReason);
        // No retries behind the report's back: one request, one answer.
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task AnUnreachableLlmIsLeftForTheTemplates()
    {
        var (_, runId) = await SeedAsync();
        string connection;
        await using (var gone = await FakeLlmServer.StartAsync())
        {
            connection = gone.ConnectionString;
        }

        await using var db = Db();
        var options = new ReportOptions();
        using var endpoint = LlmEndpoint.Create(LlmConnection.Parse(connection), options.LlmTimeout);
        await Writer(db, endpoint, options).WriteRunReportAsync(runId, ReportTrigger.Requested, Token);
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.RunId == runId, Token);

        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.StartsWith("LLM could not be reached", report.FallbackReason);
    }

    [Theory]
    [InlineData("prose", "LLM answer is not the requested JSON")]
    [InlineData("empty", "LLM answered with no content")]
    [InlineData("unknown-id", "LLM answer cited unknown finding #999")]
    [InlineData("unknown-id-in-text", "LLM answer cited unknown finding #424242")]
    [InlineData("no-citations", "LLM answer cited none of the 3 findings")]
    [InlineData("no-summary", "LLM answer has no title or no summary")]
    public async Task NonsenseAnswersAreLeftForTheTemplatesWithTheReason(string answer, string reason)
    {
        var (_, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request =>
        {
            var ids = EvidenceIds(request);
            return answer switch
            {
                "prose" => new LlmReply(200, "Sure! Here is your report: the level is hard."),
                "empty" => new LlmReply(200, ""),
                "unknown-id" => LlmReply.Report([.. ids, 999]),
                "unknown-id-in-text" => new LlmReply(200, $$"""{"title":"t","summary":"See [#{{ids[0]}}] and [#424242].","cited_finding_ids":[{{ids[0]}}]}"""),
                "no-citations" => new LlmReply(200, """{"title":"A report","summary":"The level is fine.","sections":[],"findings":[],"cited_finding_ids":[]}"""),
                _ => new LlmReply(200, """{"title":"A report","cited_finding_ids":[]}"""),
            };
        };

        var report = await WriteRunAsync(runId, llm);

        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.StartsWith(reason, report.FallbackReason);
        Assert.Contains($"> Written from templates, not by an LLM: {reason}", report.Markdown);
        Assert.DoesNotContain("999", report.CitedFindingIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AnAnswerInACodeFenceWithIdsAsStringsIsAccepted()
    {
        var (_, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request =>
        {
            var id = EvidenceIds(request)[0];
            return new LlmReply(200, $$"""
                ```json
                {"title": "Fenced", "summary": "Fix [#{{id}}].", "findings": [{"id": "{{id}}", "fix": "Move the imp."}], "cited_finding_ids": ["{{id}}"]}
                ```
                """);
        };

        var report = await WriteRunAsync(runId, llm);

        Assert.Equal(ReportGenerator.Llm, report.Generator);
        Assert.Single(report.CitedFindingIds);
        Assert.Contains("- **Suggested fix:** Move the imp.", report.Markdown);
    }

    [Fact]
    public async Task UnchangedEvidenceKeepsTheStoredReportUntilAnLlmIsConfiguredOrSomeoneAsks()
    {
        var (_, runId) = await SeedAsync();
        var first = await WriteRunAsync(runId, llm: null);
        var again = await WriteRunAsync(runId, llm: null);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.CreatedAt, again.CreatedAt);

        // An LLM configured since: the same evidence is worth a better report.
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request => LlmReply.Report(EvidenceIds(request));
        var byLlm = await WriteRunAsync(runId, llm);
        Assert.Equal(ReportGenerator.Llm, byLlm.Generator);
        Assert.NotEqual(first.Id, byLlm.Id);
        var kept = await WriteRunAsync(runId, llm);
        Assert.Equal(byLlm.Id, kept.Id);
        Assert.Single(llm.Requests);

        var asked = await WriteRunAsync(runId, llm, trigger: ReportTrigger.Requested);
        Assert.NotEqual(byLlm.Id, asked.Id);
        Assert.Equal(2, llm.Requests.Count);
        await using var read = Db();
        Assert.Equal(1, await read.Reports.CountAsync(r => r.RunId == runId, Token));
    }

    [Fact]
    public async Task RunAnalysisWritesTheRunsReportAndRefreshesItsLevels()
    {
        var (mapId, runId) = await SeedAsync();
        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request => LlmReply.Report(EvidenceIds(request));

        await using (var db = Db())
        {
            await new RunAnalysis(db, PlayedRun.Images(db), TimeProvider.System, NullLogger<RunAnalysis>.Instance, Writer(db, llm)).AnalyseAsync(runId, Token);
        }

        await using var read = Db();
        var reports = await read.Reports.Where(r => r.MapId == mapId).OrderBy(r => r.RunId == null).ToListAsync(Token);
        Assert.Equal([ReportSubject.Run, ReportSubject.Map], reports.Select(r => r.Subject));
        Assert.All(reports, r => Assert.Equal(ReportGenerator.Llm, r.Generator));
        // Analysis replaced the run's findings: the report cites the new ids.
        var ids = await read.Bugs.Where(b => b.RunId == runId).Select(b => b.Id).ToListAsync(Token);
        Assert.Equal(ids.Order(), reports[0].CitedFindingIds.Order());
        Assert.Equal(2, llm.Requests.Count);
        Assert.Equal("map", llm.LastEvidence()["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task LevelReportsAtUploadComeFromTemplatesAndListStaticChecksAndRuns()
    {
        // freedoom2's MAP26 has two yellow-key door specials on one-sided walls (lines 949 and 951): real findings (minor: the level needs a Boom port).
        var bytes = await File.ReadAllBytesAsync(Fixtures.Freedoom2, Token);
        var hash = "f2" + Guid.NewGuid().ToString("N");
        var blobs = new BlobStore(new Azure.Storage.Blobs.BlobServiceClient(TestServers.Blobs));
        await blobs.UploadAsync(BlobStore.Wads, $"{hash}.wad", new MemoryStream(bytes), "application/octet-stream", Token);
        long mapId;
        await using (var db = Db())
        {
            var map = new Map { Name = "MAP26", LevelName = "MAP26", FileHash = hash, BlobName = $"{hash}.wad", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Maps.Add(map);
            await db.SaveChangesAsync(Token);
            mapId = map.Id;
        }

        await using var llm = await FakeLlmServer.StartAsync();
        llm.Answer = request => LlmReply.Report(EvidenceIds(request));
        await using (var db = Db())
        {
            var images = new LevelImages(blobs, Options.Create(new RenderOptions()), NullLogger<LevelImages>.Instance);
            var levels = new LevelCheckAnalysis(db, blobs, new Iwads(Options.Create(new IwadOptions()), Options.Create(new RlGameTester.Domain.Levels.IwadFolderOptions())), images, TimeProvider.System, NullLogger<LevelCheckAnalysis>.Instance, Writer(db, llm));
            await levels.CheckAsync(hash, "", Token);
        }

        Assert.Empty(llm.Requests);
        await using (var read = Db())
        {
            var report = await read.Reports.SingleAsync(r => r.MapId == mapId && r.Subject == ReportSubject.Map, Token);
            Assert.Equal(ReportGenerator.Template, report.Generator);
            Assert.StartsWith("level reports written at upload come from the templates", report.FallbackReason);
            var doors = await read.Bugs.Where(b => b.MapId == mapId && b.CheckName == "door-on-one-sided-line").OrderBy(b => b.ElementIndex).ToListAsync(Token);
            Assert.Equal([949, 951], doors.Select(b => b.ElementIndex!.Value));
            var md = report.Markdown;
            Assert.StartsWith($"# Level report: MAP26 (map {mapId})", md);
            Assert.Contains("## The level", md);
            Assert.Contains("No agent has played the level yet.", md);
            Assert.Contains($"![MAP26 with bug markers labelled by bug id](/api/maps/{mapId}/image)", md);
            foreach (var door in doors)
            {
                Assert.Contains($"### [#{door.Id}]", md);
                Assert.Contains($"- **Where:** line {door.ElementIndex} at ", md);
                Assert.Contains("- **How sure:** certain: read from the level data by the static check door-on-one-sided-line", md);
                Assert.Contains($"Line {door.ElementIndex} has a door special but no back side, so the door cannot open", md);
            }

            // A missing texture names the side and the part to set.
            Assert.Contains("- **Where:** sidedef 138 at (-112, -640)", md);
            Assert.Contains("- **Suggested fix:** Set the upper texture on the front side of line 97 (sidedef 138)", md);
        }

        // A run of the level: its report and the level's, now by the LLM, listing the run.
        long runId;
        await using (var db = Db())
        {
            runId = await PlayedRun.AddAnalysedRunAsync(db, mapId);
            await Writer(db, llm).RunAnalysedAsync(runId, mapId, Token);
        }

        await using (var read = Db())
        {
            var level = await read.Reports.SingleAsync(r => r.MapId == mapId && r.Subject == ReportSubject.Map, Token);
            Assert.Equal(ReportGenerator.Llm, level.Generator);
            Assert.Contains("## Runs", level.Markdown);
            Assert.Contains($"| #{runId} | arnold | completed | 2 |", level.Markdown);
            Assert.Contains($"(hardest analysed run, #{runId})", level.Markdown);
            var document = JsonSerializer.Deserialize(level.Content, ReportJson.Default.ReportDocument)!;
            var run = Assert.Single(document.Runs);
            Assert.Equal(3, run.Findings);
            Assert.Equal($"/api/runs/{runId}/report", run.ReportUrl);
            var sent = llm.LastEvidence();
            Assert.Equal(runId, sent["runs"]![0]!["id"]!.GetValue<long>());
            Assert.Contains(sent["findings"]!.AsArray(), f => f!["check"]?.GetValue<string>() == "door-on-one-sided-line");
        }
    }

    [Fact]
    public async Task ALevelReportEmbedsEachFindingsScreenshotAndItsJsonCarriesTheUrl()
    {
        // freedoom2's MAP26: sidedef 138 (line 97's front) has no upper texture, a real finding with a place to look at.
        var bytes = await File.ReadAllBytesAsync(Fixtures.Freedoom2, Token);
        var hash = "f2" + Guid.NewGuid().ToString("N");
        var blobs = new BlobStore(new Azure.Storage.Blobs.BlobServiceClient(TestServers.Blobs));
        await blobs.UploadAsync(BlobStore.Wads, $"{hash}.wad", new MemoryStream(bytes), "application/octet-stream", Token);
        long mapId;
        await using (var db = Db())
        {
            var map = new Map { Name = "MAP26", LevelName = "MAP26", FileHash = hash, BlobName = $"{hash}.wad", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Maps.Add(map);
            await db.SaveChangesAsync(Token);
            mapId = map.Id;
        }

        await using (var db = Db())
        {
            var images = new LevelImages(blobs, Options.Create(new RenderOptions()), NullLogger<LevelImages>.Instance);
            var iwads = new Iwads(Options.Create(new IwadOptions()), Options.Create(new RlGameTester.Domain.Levels.IwadFolderOptions()));
            var shots = new FindingShots(blobs, Options.Create(new ShotOptions()), NullLogger<FindingShots>.Instance);
            await new LevelCheckAnalysis(db, blobs, iwads, images, TimeProvider.System, NullLogger<LevelCheckAnalysis>.Instance, Writer(db), shots).CheckAsync(hash, "", Token);
        }

        await using var read = Db();
        var bugs = await read.Bugs.Where(b => b.MapId == mapId).ToListAsync(Token);
        var upper = bugs.Single(b => b.CheckName == "missing-texture" && b.ElementIndex == 138);
        Assert.StartsWith(ShotNames.LevelPrefix(hash, "", "MAP26"), upper.ScreenshotPath);
        var png = await blobs.DownloadBytesAsync(BlobStore.Images, upper.ScreenshotPath!, Token);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png![..4]);
        Assert.InRange(bugs.Count(b => b.ScreenshotPath is not null), 1, new ShotOptions().MaxPerLevel);

        var report = await read.Reports.SingleAsync(r => r.MapId == mapId && r.Subject == ReportSubject.Map, Token);
        var document = JsonNode.Parse(report.Content)!;
        var listed = document["findings"]!.AsArray().Select(f => f!).ToList();
        foreach (var bug in bugs.Where(b => listed.Any(f => f["id"]!.GetValue<long>() == b.Id)))
        {
            var finding = listed.Single(f => f["id"]!.GetValue<long>() == bug.Id);
            if (bug.ScreenshotPath is null)
            {
                Assert.Null(finding["screenshot_url"]);
                Assert.DoesNotContain($"![Screenshot of #{bug.Id}]", report.Markdown, StringComparison.Ordinal);
                continue;
            }

            Assert.Equal($"/api/bugs/{bug.Id}/screenshot", finding["screenshot_url"]!.GetValue<string>());
            Assert.Contains($"![Screenshot of #{bug.Id}](/api/bugs/{bug.Id}/screenshot)", report.Markdown, StringComparison.Ordinal);
        }

        Assert.Contains(listed, f => f["id"]!.GetValue<long>() == upper.Id);
    }

    [Fact]
    public async Task AnExplorerRunsHardnessLeavesOutTheKillsItCannotEarnAndTheLevelTakesItsHardnessFromAnAgentThatFights()
    {
        long mapId, explorerRun, arnoldRun;
        await using (var db = Db())
        {
            mapId = await PlayedRun.AddMapAsync(db);
            // The same play twice (64.50 each): the explorer's first, so the level would take its hardness from it.
            explorerRun = await PlayedRun.AddAnalysedRunAsync(db, mapId, AgentNames.Explorer);
            arnoldRun = await PlayedRun.AddAnalysedRunAsync(db, mapId, AgentNames.Arnold);
            await Writer(db).WriteRunReportAsync(explorerRun, ReportTrigger.RunAnalysed, Token);
            await Writer(db).WriteRunReportAsync(arnoldRun, ReportTrigger.RunAnalysed, Token);
            await Writer(db).WriteMapReportAsync(mapId, ReportTrigger.RunAnalysed, Token);
        }

        await using var read = Db();
        var explorer = (await read.Reports.SingleAsync(r => r.RunId == explorerRun, Token)).Markdown;
        Assert.Contains("Hardness 64.50 / 100 (hard), driven mostly by health (20 of 20 points: average health 0).", explorer);
        Assert.Contains("| kills | 25.00 of 25 | no kills: this agent plays without monsters | 25 with no kills, 0 at 10 or more per episode |", explorer);
        Assert.Contains("The kills term is left out: this agent plays without monsters.", explorer);
        Assert.DoesNotContain("Driven mostly by kills", explorer);
        var arnold = (await read.Reports.SingleAsync(r => r.RunId == arnoldRun, Token)).Markdown;
        Assert.Contains("Driven mostly by kills (25 of 25 points: 0 kills per episode), then health", arnold);
        Assert.DoesNotContain("left out", arnold);

        var level = (await read.Reports.SingleAsync(r => r.Subject == ReportSubject.Map && r.MapId == mapId, Token)).Markdown;
        Assert.Contains($"## Hardness: 64.50 / 100 (hard) (hardest analysed run, #{arnoldRun})", level);
        Assert.Contains($"| #{explorerRun} | explorer | completed | 2 | 64.50 (hard) | health: 20 of 20 points: average health 0 |", level);
    }

    [Fact]
    public async Task ATemplateLevelReportListsTheLevelItsStaticFindingsAndItsRuns()
    {
        var (mapId, runId) = await SeedAsync();
        long staticId;
        await using (var db = Db())
        {
            var bug = new Bug
            {
                MapId = mapId, BugType = BugType.MissingTexture, Severity = BugSeverity.Major, DetectionSource = DetectionSource.Static,
                CheckName = "missing-texture", Title = "Line 12, front side (sidedef 20): the lower texture is missing but visible",
                Description = "Line 12, front side (sidedef 20): the lower texture is missing but visible (the floor beyond steps up from 0 to 24); the gap shows Hall-of-Mirrors smearing. Give it a texture.",
                Confidence = 1, PositionX = 1200, PositionY = -3000, ElementKind = "side", ElementIndex = 20, DetectedAt = DateTime.UtcNow,
            };
            db.Bugs.Add(bug);
            await db.SaveChangesAsync(Token);
            staticId = bug.Id;
            await Writer(db).WriteMapReportAsync(mapId, ReportTrigger.RunAnalysed, Token);
        }

        await using var read = Db();
        var report = await read.Reports.SingleAsync(r => r.Subject == ReportSubject.Map && r.MapId == mapId, Token);
        var runBugs = await read.Bugs.Where(b => b.RunId == runId).Select(b => b.Id).ToListAsync(Token);
        Assert.Equal(ReportGenerator.Template, report.Generator);
        Assert.Equal(runBugs.Append(staticId).Order(), report.CitedFindingIds.Order());
        var md = report.Markdown;
        Assert.StartsWith($"# Level report: E1M1 (map {mapId})", md);
        Assert.Contains("played in 1 run (1 analysed)", md);
        Assert.Contains("The static checks and the runs found 4 problems: 2 critical, 2 major.", md);
        // The level's facts from its stored metadata (freedoom1's E1M1).
        Assert.Contains("| keys | blue card (thing 87) at (2192, 576) |", md);
        Assert.Contains("| exits | normal exit: S1 line 407 at (-400, 1280) |", md);
        Assert.Contains("| load order | the level's own file, then no resource WADs, then the IWAD the level's name calls for (Doom's for ExMy, Doom II's for MAPxx); engine inferred from the level |", md);
        Assert.Contains($"| #{runId} | arnold | completed | 2 | 64.50 (hard) | kills: 25 of 25 points: 0 kills per episode | unknown | 3 | `/api/runs/{runId}/report` |", md);
        Assert.Contains($"## Hardness: 64.50 / 100 (hard) (hardest analysed run, #{runId})", md);
        Assert.Contains($"### [#{staticId}] Line 12, front side (sidedef 20): the lower texture is missing but visible", md);
        Assert.Contains("- **How sure:** certain: read from the level data by the static check missing-texture", md);
        Assert.Contains("- **Suggested fix:** Set the lower texture on the front side of line 12 (sidedef 20)", md);
        foreach (var id in runBugs)
        {
            Assert.Contains($"### [#{id}]", md);
        }

        Assert.Contains($"(stuck state, run #{runId})", md);
    }

    [Fact]
    public async Task ALevelReportSaysWhatTheLevelWasCheckedAgainst()
    {
        var (mapId, _) = await SeedAsync();
        await using (var db = Db())
        {
            var map = await db.Maps.SingleAsync(m => m.Id == mapId, Token);
            map.Iwad = "freedoom1.wad";
            map.Resources = $"{new string('a', 64)},{new string('b', 64)}";
            map.Compatibility = "boom";
            await db.SaveChangesAsync(Token);
            await Writer(db).WriteMapReportAsync(mapId, ReportTrigger.Requested, Token);
        }

        await using var read = Db();
        var md = (await read.Reports.SingleAsync(r => r.Subject == ReportSubject.Map && r.MapId == mapId, Token)).Markdown;
        Assert.Contains("| load order | the level's own file, then resource WADs SHA-256 bbbbbbbbbbbb…, SHA-256 aaaaaaaaaaaa… (last given first), then IWAD freedoom1.wad; made for boom |", md);
    }

    [Fact]
    public async Task TheExplorersGeometryFindingsAreReportedWithTheirElementAndFixButNoTick()
    {
        long runId;
        await using (var db = Db())
        {
            var mapId = await PlayedRun.AddMapAsync(db);
            var run = new Run { MapId = mapId, Agent = "explorer", Status = RunStatus.Completed, CreatedAt = DateTime.UtcNow, TotalEpisodes = 1 };
            db.Runs.Add(run);
            await db.SaveChangesAsync(Token);
            runId = run.Id;
            var finding = new AgentFinding
            {
                Type = BugType.ExitUnreachable, Severity = BugSeverity.Critical, Check = "explorer-exit-unreachable",
                Title = "Exit unreachable: the step up to the exit room at line 407 is 64 units (the body climbs 24)",
                X = -400, Y = 1216, ElementKind = "line", ElementIndex = 407,
                Evidence = new Dictionary<string, string> { ["step"] = "64", ["blocking_line"] = "407", ["blocking_sector"] = "12", ["furthest_x"] = "-400", ["furthest_y"] = "1150" },
            };
            var t0 = DateTime.UtcNow;
            db.Events.AddRange(
                new RunEvent { RunId = runId, EventType = EventType.EpisodeStart, Timestamp = t0, Episode = 1, Frame = 0 },
                new RunEvent { RunId = runId, EventType = EventType.Finding, Timestamp = t0.AddSeconds(150), Episode = 1, Frame = 5250, Data = finding.ToJson() },
                new RunEvent { RunId = runId, EventType = EventType.EpisodeEnd, Timestamp = t0.AddSeconds(150), Episode = 1, Frame = 5250 });
            await db.SaveChangesAsync(Token);
            await new RunAnalysis(db, PlayedRun.Images(db), TimeProvider.System, NullLogger<RunAnalysis>.Instance, Writer(db)).AnalyseAsync(runId, Token);
        }

        await using var read = Db();
        var bug = await read.Bugs.SingleAsync(b => b.RunId == runId, Token);
        var md = (await read.Reports.SingleAsync(r => r.RunId == runId, Token)).Markdown;
        Assert.Contains($"### [#{bug.Id}] Exit unreachable: the step up to the exit room at line 407 is 64 units (the body climbs 24)", md);
        Assert.Contains("- **Where:** line 407 at (-400, 1216)\n", md);
        Assert.Contains("- **How sure:** 100 % (high): the explorer agent worked it out from the level's geometry (explorer-exit-unreachable)", md);
        Assert.Contains("- **Evidence:** blocking line 407, blocking sector 12, furthest x -400, furthest y 1150, step 64, event id", md);
        Assert.Contains("- **Suggested fix:** Lower the step of 64 units at line 407 up to sector 12 to at most 24 (the body climbs 24), or add stairs or a lift there.", md);
        Assert.Contains($"Fix first: [#{bug.Id}]", md);
    }

    [Fact]
    public async Task AFailedRunThatRecordedNothingIsReportedWithItsError()
    {
        long runId;
        await using (var db = Db())
        {
            var mapId = await PlayedRun.AddMapAsync(db);
            var run = new Run { MapId = mapId, Agent = "arnold", Status = RunStatus.Failed, ErrorMessage = "Agents:Arnold:Path is not configured.", CreatedAt = DateTime.UtcNow };
            db.Runs.Add(run);
            await db.SaveChangesAsync(Token);
            runId = run.Id;
        }

        var report = await WriteRunAsync(runId, llm: null, trigger: ReportTrigger.Requested);

        Assert.Empty(report.CitedFindingIds);
        Assert.Contains("The arnold agent played E1M1; the run is failed. It ended with an error: Agents:Arnold:Path is not configured. The detectors", report.Markdown);
        Assert.Contains("The detectors found no problems. It has no hardness: it was not analysed.", report.Markdown);
        Assert.Contains("| error | Agents:Arnold:Path is not configured. |", report.Markdown);
        Assert.Contains("Not calculated: the run was not analysed", report.Markdown);
        Assert.Contains("None: the detectors found nothing wrong in this run.", report.Markdown);
    }

    [Fact]
    public async Task AReportJobFromTheQueueRewritesTheReport()
    {
        var (mapId, runId) = await SeedAsync();
        var before = await WriteRunAsync(runId, llm: null);

        await using (var db = Db())
        {
            var handler = new ReportJobHandler(Writer(db), NullLogger<ReportJobHandler>.Instance);
            await handler.HandleAsync(new WriteRunReport(runId), Lease<WriteRunReport>("1-0"), Token);
            await handler.HandleAsync(new WriteMapReport(mapId), Lease<WriteMapReport>("2-0"), Token);
            await handler.HandleAsync(new WriteRunReport(runId + 1000), Lease<WriteRunReport>("3-0"), Token);
        }

        await using var read = Db();
        var after = await read.Reports.SingleAsync(r => r.RunId == runId, Token);
        Assert.NotEqual(before.Id, after.Id);
        Assert.True(await read.Reports.AnyAsync(r => r.Subject == ReportSubject.Map && r.MapId == mapId, Token));
    }

    [Fact]
    public async Task ARewriteForChangedEvidenceDropsADeletedFindingAndKeepsAReportWhoseEvidenceIsTheSame()
    {
        var (_, runId) = await SeedAsync();
        var before = await WriteRunAsync(runId, llm: null);
        var job = new WriteRunReport(runId, EvidenceChanged: true);
        var lease = Lease<WriteRunReport>("1-0");

        await using var db = Db();
        var handler = new ReportJobHandler(Writer(db), NullLogger<ReportJobHandler>.Instance);
        await handler.HandleAsync(job, lease, Token);
        Assert.Equal(before.Id, (await db.Reports.AsNoTracking().SingleAsync(r => r.RunId == runId, Token)).Id);

        // What DELETE /api/bugs/{id} does before it queues the request.
        var gone = before.CitedFindingIds[0];
        await db.Bugs.Where(b => b.Id == gone).ExecuteDeleteAsync(Token);
        await handler.HandleAsync(job, lease, Token);

        var after = await db.Reports.AsNoTracking().SingleAsync(r => r.RunId == runId, Token);
        Assert.NotEqual(before.Id, after.Id);
        Assert.DoesNotContain(gone, after.CitedFindingIds);
        Assert.DoesNotContain($"[#{gone}]", after.Markdown, StringComparison.Ordinal);
        Assert.NotEmpty(after.CitedFindingIds);
    }

    [Fact]
    public void TheLlmConnectionStringIsReadOrRefusedWithTheReason()
    {
        var parsed = LlmConnection.Parse("Endpoint=https://example.test/v1;Key=secret;Model=gpt-4o-mini");
        Assert.Equal(new Uri("https://example.test/v1"), parsed.Endpoint);
        Assert.Equal("secret", parsed.Key);
        Assert.Equal("gpt-4o-mini", parsed.Model);
        Assert.Null(LlmConnection.Parse("Endpoint=http://127.0.0.1:11434/v1;Model=llama3.1").Key);
        Assert.Contains("Model=", Assert.Throws<FormatException>(() => LlmConnection.Parse("Endpoint=https://example.test/v1;Key=k")).Message);
        Assert.Contains("Endpoint=", Assert.Throws<FormatException>(() => LlmConnection.Parse("Key=k;Model=m")).Message);
        Assert.Contains("Endpoint=", Assert.Throws<FormatException>(() => LlmConnection.Parse("Endpoint=ftp://x;Model=m")).Message);
    }

    private async Task<(long MapId, long RunId)> SeedAsync()
    {
        await using var db = Db();
        var mapId = await PlayedRun.AddMapAsync(db);
        return (mapId, await PlayedRun.AddAnalysedRunAsync(db, mapId));
    }

    private async Task<Report> WriteRunAsync(long runId, FakeLlmServer? llm, ReportOptions? options = null, ReportTrigger trigger = ReportTrigger.RunAnalysed)
    {
        await using var db = Db();
        await Writer(db, llm, options).WriteRunReportAsync(runId, trigger, Token);
        return await db.Reports.AsNoTracking().SingleAsync(r => r.RunId == runId, Token);
    }

    /// <summary>The finding ids in the evidence the request carried.</summary>
    private static List<long> EvidenceIds(JsonNode request)
    {
        var prompt = request["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        var evidence = JsonNode.Parse(prompt[prompt.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. evidence["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<long>())];
    }

    private static ReportWriter Writer(RlgtDbContext db, FakeLlmServer? llm = null, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        return Writer(db, llm is null ? null : LlmEndpoint.Create(LlmConnection.Parse(llm.ConnectionString), options.LlmTimeout), options);
    }

    private static ReportWriter Writer(RlgtDbContext db, LlmEndpoint? endpoint, ReportOptions options) =>
        TestReportWriter.Create(db, endpoint, options);

    // The handler is given the job itself; the lease only names it (in logs).
    private static JobLease Lease<TJob>(string entryId) where TJob : class, IJob<TJob> =>
        new(TJob.Queue, entryId, TJob.Type, "{}", 1, null);
}
