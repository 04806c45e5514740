using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RlGameTester.Data;
using RlGameTester.Data.Reports;
using RlGameTester.Domain;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Writes and stores the reports of runs and levels: reads the evidence, asks the LLM when one is configured and
/// the trigger calls for it, falls back to the templates with the reason, and replaces the stored report. A report
/// whose evidence has not changed since it was written is kept, unless someone asked for a new one.
/// </summary>
internal sealed partial class ReportWriter(
    RlgtDbContext db,
    EvidenceReader evidence,
    LlmReportAuthor llm,
    IOptions<ReportOptions> options,
    TimeProvider clock,
    ILogger<ReportWriter> logger)
{
    /// <summary>
    /// After a run's analysis: the run's report, then its level's. An LLM that just timed out or failed on the run's
    /// report is not asked again for the level's: the job would wait twice for a server that is down.
    /// </summary>
    public async Task RunAnalysedAsync(long runId, long mapId, CancellationToken cancellationToken)
    {
        var run = await WriteRunReportAsync(runId, ReportTrigger.RunAnalysed, cancellationToken);
        var unavailable = run is { Generator: ReportGenerator.Template, FallbackReason: { } reason } && LlmReportAuthor.IsUnavailable(reason)
            ? $"{reason} on the run {runId} report just before; not asked again for this one"
            : null;
        await WriteAsync(await evidence.ForMapAsync(mapId, cancellationToken), ReportTrigger.RunAnalysed, unavailable, cancellationToken);
    }

    /// <summary>After an upload's static checks: a template report for each of its levels.</summary>
    public async Task LevelsCheckedAsync(IEnumerable<long> mapIds, CancellationToken cancellationToken)
    {
        foreach (var mapId in mapIds)
        {
            await WriteMapReportAsync(mapId, ReportTrigger.LevelsChecked, cancellationToken);
        }
    }

    /// <summary>Writes (or keeps) a run's report; null when the run does not exist.</summary>
    public async Task<Report?> WriteRunReportAsync(long runId, ReportTrigger trigger, CancellationToken cancellationToken) =>
        await WriteAsync(await evidence.ForRunAsync(runId, cancellationToken), trigger, null, cancellationToken);

    /// <summary>Writes (or keeps) a level's report; null when the map does not exist.</summary>
    public async Task<Report?> WriteMapReportAsync(long mapId, ReportTrigger trigger, CancellationToken cancellationToken) =>
        await WriteAsync(await evidence.ForMapAsync(mapId, cancellationToken), trigger, null, cancellationToken);

    /// <summary>SHA-256 (hex) of the evidence as the LLM would be sent it.</summary>
    public static string Fingerprint(ReportEvidence evidence) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(evidence, EvidenceJson.Default.ReportEvidence)));

    /// <param name="facts">The evidence; null when the run or map is gone.</param>
    /// <param name="trigger">Why it is written.</param>
    /// <param name="templatesBecause">A reason to leave the LLM out this time; null to decide by the trigger.</param>
    /// <param name="cancellationToken">The service's cancellation.</param>
    private async Task<Report?> WriteAsync(ReportEvidence? facts, ReportTrigger trigger, string? templatesBecause, CancellationToken cancellationToken)
    {
        if (facts is null)
        {
            return null;
        }

        var id = facts.Run?.Id ?? facts.Map.Id;
        using var activity = ReportTelemetry.ActivitySource.StartActivity($"report.{SnakeCase.Of(facts.Subject)}");
        activity?.SetTag("rlgt.report.subject_id", id);
        activity?.SetTag("rlgt.report.trigger", trigger.ToString());
        var fingerprint = Fingerprint(facts);
        var reasonForTemplates = TemplateReason(facts.Subject, id, trigger) ?? templatesBecause;
        var stored = await Stored(facts.Subject, id).AsNoTracking()
            .Select(r => new { r.Generator, r.EvidenceFingerprint })
            .FirstOrDefaultAsync(cancellationToken);
        // Same evidence: an LLM report stays, and so does a template report the LLM would not be asked to better.
        if (trigger != ReportTrigger.Requested && stored is not null && stored.EvidenceFingerprint == fingerprint
            && (stored.Generator == ReportGenerator.Llm || reasonForTemplates is not null))
        {
            LogUnchanged(logger, SnakeCase.Of(facts.Subject), id);
            return await Stored(facts.Subject, id).AsNoTracking().FirstAsync(cancellationToken);
        }

        var composed = await ComposeAsync(facts, reasonForTemplates, cancellationToken);
        var report = new Report
        {
            Subject = facts.Subject,
            RunId = facts.Run?.Id,
            MapId = facts.Map.Id,
            Markdown = composed.Markdown,
            Content = JsonSerializer.Serialize(composed.Document, ReportJson.Default.ReportDocument),
            Generator = composed.Provenance.Generator,
            Model = composed.Provenance.Model,
            FallbackReason = composed.Provenance.FallbackReason is { Length: > 1024 } reason ? reason[..1021] + "..." : composed.Provenance.FallbackReason,
            CitedFindingIds = [.. composed.Provenance.CitedFindingIds],
            EvidenceFingerprint = fingerprint,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (!await StoreAsync(report, cancellationToken))
        {
            LogGone(logger, SnakeCase.Of(report.Subject), id);
            return null;
        }

        activity?.SetTag("rlgt.report.generator", SnakeCase.Of(report.Generator));
        LogWritten(logger, SnakeCase.Of(report.Subject), id, SnakeCase.Of(report.Generator), report.FallbackReason ?? "-");
        return report;
    }

    private async Task<ComposedReport> ComposeAsync(ReportEvidence facts, string? reasonForTemplates, CancellationToken cancellationToken)
    {
        var reason = reasonForTemplates;
        if (reason is null)
        {
            var outcome = await llm.WriteAsync(facts, cancellationToken);
            if (outcome.Prose is { } prose)
            {
                return ReportComposer.Compose(facts, prose, new ReportProvenance(ReportGenerator.Llm, outcome.Model, null, outcome.Cited));
            }

            reason = outcome.FailureReason;
        }

        // The templates name every finding they list.
        var cited = facts.Findings.Select(f => f.Id).ToList();
        return ReportComposer.Compose(facts, TemplateProse.For(facts), new ReportProvenance(ReportGenerator.Template, null, reason, cited));
    }

    /// <summary>Why the templates write this report without asking the LLM; null when the LLM is to be asked.</summary>
    private string? TemplateReason(ReportSubject subject, long id, ReportTrigger trigger) => (subject, trigger) switch
    {
        _ when !llm.IsConfigured => LlmReportAuthor.NotConfigured,
        (ReportSubject.Map, ReportTrigger.LevelsChecked) =>
            $"level reports written at upload come from the templates (one per level of the file); the LLM rewrites this one after a run of it, or on POST /api/maps/{id}/report",
        (ReportSubject.Map, not ReportTrigger.Requested) when !options.Value.LlmWritesMapReports =>
            $"the LLM writes run reports only (Analysis:Reports:LlmWritesMapReports is off); POST /api/maps/{id}/report asks it for this level",
        _ => null,
    };

    private IQueryable<Report> Stored(ReportSubject subject, long id) =>
        subject == ReportSubject.Run
            ? db.Reports.Where(r => r.RunId == id)
            : db.Reports.Where(r => r.Subject == ReportSubject.Map && r.MapId == id);

    /// <summary>
    /// Replaces the stored report in one transaction; a writer that stored one at the same moment is replaced in turn.
    /// False when its run or level was deleted meanwhile.
    /// </summary>
    private async Task<bool> StoreAsync(Report report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The subject first, as a deletion takes it (see SubjectLocks): a deletion meanwhile waits, or was first.
            var present = report.RunId is { } runId
                ? await db.LockRunAsync(runId, cancellationToken) is not null
                : (await db.LockMapsAsync([report.MapId], cancellationToken)).Count > 0;
            if (!present)
            {
                return false;
            }

            await Stored(report.Subject, report.RunId ?? report.MapId).ExecuteDeleteAsync(cancellationToken);
            db.Reports.Add(report);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.Entry(report).State = EntityState.Detached;
                return true;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.Entry(report).State = EntityState.Detached;
                report.Id = 0;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Subject} {Id} was deleted while its report was written; not stored")]
    private static partial void LogGone(ILogger logger, string subject, long id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The {Subject} {Id} report's evidence is unchanged; kept")]
    private static partial void LogUnchanged(ILogger logger, string subject, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the {Subject} {Id} report ({Generator}; fallback: {Reason})")]
    private static partial void LogWritten(ILogger logger, string subject, long id, string generator, string reason);
}
