using System.Text.Json;
using RlGameTester.Data.Reports;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Analysis.Reports;

/// <summary>What the LLM is told: the rules and answer shape (system message) and the evidence as JSON (user message).</summary>
internal static class LlmPrompt
{
    public static readonly string System = $$"""
        You are the QA lead of a Doom level testing service. Write a bug report a level designer can act on.
        Use ONLY the evidence JSON in the user message: do not invent findings, places, figures or causes it does not support.
        Refer to findings only by their "id", written as [#id] in text (for example [#12]); never cite an id the evidence does not contain.
        Coordinates are Doom map units (x east, y north); ticks are game tics (35 per second); elements are linedefs, sidedefs, sectors, things or vertices by index.
        The hardness score (0-100) is the sum of four factors: deaths (max {{Hardness.DeathPoints}}), kills (max {{Hardness.KillPoints}}), health (max {{Hardness.HealthPoints}}), stuck periods (max {{Hardness.StuckPoints}}); say which drive it and why. Where agent_fights is false the agent played without monsters: its kills term is full whatever the level holds, so leave it out of what drives the score.
        Severity order: critical, major, minor, info. Put what to fix first first, and give concrete fixes (which line, side, sector or thing; what to change; by how much).
        Answer with ONE JSON object and nothing else (no Markdown fence), in exactly this shape:
        {
          "title": "short report title",
          "summary": "3-6 sentences: what is wrong, how hard the level plays and why, what to fix first; cite findings as [#id]",
          "hardness": "1-3 sentences on what drives the hardness score, or an empty string when there are no metrics",
          "sections": [ { "heading": "section heading", "body": "Markdown text citing [#id]", "finding_ids": [12] } ],
          "findings": [ { "id": 12, "explanation": "what this means for a player", "fix": "what to change in the level" } ],
          "cited_finding_ids": [12]
        }
        """;

    public static string User(ReportEvidence evidence)
    {
        var what = evidence.Subject == ReportSubject.Run
            ? $"Write the report of run {evidence.Run!.Id} on level {evidence.Map.LevelName ?? evidence.Map.Name}."
            : $"Write the report of level {evidence.Map.LevelName ?? evidence.Map.Name} (map {evidence.Map.Id}) across its static checks and runs.";
        var omitted = evidence.OmittedFindings > 0
            ? $" {evidence.OmittedFindings} less severe findings are left out of the evidence; mention that they exist but cite none of them."
            : string.Empty;
        return $"{what}{omitted}\nEvidence (JSON):\n{JsonSerializer.Serialize(evidence, EvidenceJson.Default.ReportEvidence)}";
    }
}
