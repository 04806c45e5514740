using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RlGameTester.Analysis.Reports;

/// <summary>A finding's place, certainty and evidence in a level designer's words.</summary>
internal static class FindingText
{
    /// <summary>Doom's game ticks per second.</summary>
    public const double TicksPerSecond = 35;

    /// <summary>"line 123 at (1056, -3200), episode 2, tick 350 (0:10.00)".</summary>
    public static string Place(EvidenceFinding finding)
    {
        var parts = new List<string>();
        var element = Element(finding);
        var point = Point(finding);
        if (element is not null && point is not null)
        {
            parts.Add($"{element} at {point}");
        }
        else if ((element ?? point) is { } either)
        {
            parts.Add(either);
        }

        if (FromGeometry(finding))
        {
            // Established from the level's geometry: when the agent said so is no place in the level.
            return parts.Count > 0 ? string.Join(", ", parts) : "no place recorded";
        }

        if (finding.Episode is { } episode)
        {
            parts.Add($"episode {episode}");
        }

        if (finding.Tick is { } tick && EvidenceNumber(finding, "end_frame") is { } end && end > tick)
        {
            parts.Add($"ticks {tick}-{end} ({Clock(tick / TicksPerSecond)} to {Clock(end / TicksPerSecond)})");
        }
        else if (finding.Tick is { } at)
        {
            parts.Add($"tick {at} ({Clock(at / TicksPerSecond)})");
        }
        else if (finding.Timestamp is { } time && finding.RunId is not null)
        {
            parts.Add(time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "no place recorded";
    }

    /// <summary>
    /// A finding the explorer agent established from the level's geometry (its checks are named <c>explorer-*</c>): it
    /// holds whenever the level is played, not at the tick the agent reported it.
    /// </summary>
    public static bool FromGeometry(EvidenceFinding finding) => finding.Check?.StartsWith("explorer-", StringComparison.Ordinal) == true;

    /// <summary>"line 123", "sector 4", "the level as a whole"; null when no element is named.</summary>
    public static string? Element(EvidenceFinding finding) => (finding.Element, finding.ElementIndex) switch
    {
        ("level", _) => "the level as a whole",
        ("side", { } index) => $"sidedef {index}",
        ({ } kind, { } index) => $"{kind} {index}",
        ({ } kind, null) => kind,
        _ => null,
    };

    /// <summary>
    /// A title short enough for a table or a heading: static checks' titles are their whole message, so a long one
    /// is cut at its first clause ("Line 949 has a manual door special (...) but no back side").
    /// </summary>
    public static string ShortTitle(string title)
    {
        var text = title.Trim().TrimEnd('.');
        if (text.Length <= 120)
        {
            return text;
        }

        // The first sentence part that says what is wrong: up to "; ", else up to ": ", else cut at a word.
        foreach (var separator in new[] { "; ", ": " })
        {
            var cut = text.IndexOf(separator, StringComparison.Ordinal);
            if (cut is >= 30 and <= 160)
            {
                return text[..cut];
            }
        }

        var space = text.LastIndexOf(' ', 116);
        return text[..(space > 60 ? space : 116)] + "...";
    }

    /// <summary>"(1056, -3200)" in whole map units; null without coordinates.</summary>
    public static string? Point(EvidenceFinding finding) =>
        finding is { X: { } x, Y: { } y } ? Point(x, y) : null;

    public static string Point(double x, double y) => FormattableString.Invariant($"({Math.Round(x):0}, {Math.Round(y):0})");

    /// <summary>"certain: read from the level data", "90 % (high): telemetry detector stuck-state".</summary>
    public static string Certainty(EvidenceFinding finding)
    {
        if (finding.Source == "static")
        {
            return $"certain: read from the level data by the static check {finding.Check ?? finding.Type}";
        }

        var by = finding.Source switch
        {
            _ when FromGeometry(finding) => $"the explorer agent worked it out from the level's geometry ({finding.Check})",
            "manual" => "filed by a person",
            "llm" => "suggested by an LLM; check it by hand",
            _ => $"{finding.Source} detector {finding.Check ?? finding.Type}",
        };
        if (finding.Confidence is not { } confidence)
        {
            return by;
        }

        var word = confidence switch
        {
            >= 0.9 => "high",
            >= 0.7 => "fair",
            _ => "low: confirm by playing it",
        };
        return FormattableString.Invariant($"{confidence * 100:0} % ({word}): {by}");
    }

    /// <summary>The detector's evidence as "old 100, new -5, event id 123"; for static findings, the check's own message.</summary>
    public static string Evidence(EvidenceFinding finding)
    {
        if (finding.Evidence is { ValueKind: JsonValueKind.Object } evidence)
        {
            var text = new StringBuilder();
            // Stored as jsonb, whose key order is its own: figures first in a fixed order, event ids last.
            foreach (var property in evidence.EnumerateObject().OrderBy(p => p.Name.EndsWith("_id", StringComparison.Ordinal)).ThenBy(p => Rank(p.Name)).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                if (property.Value.ValueKind is JsonValueKind.Null)
                {
                    continue;
                }

                text.Append(text.Length > 0 ? ", " : string.Empty).Append(property.Name.Replace('_', ' ')).Append(' ').Append(Value(property.Value));
            }

            if (text.Length > 0)
            {
                return text.ToString();
            }
        }
        else if (finding.Evidence is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } other)
        {
            return Value(other);
        }

        return finding.Description ?? finding.Title;
    }

    private static readonly string[] EvidenceOrder = ["old", "new", "start", "end", "duration_seconds", "samples", "start_frame", "end_frame", "ticks_after_start"];

    private static int Rank(string name) => Array.IndexOf(EvidenceOrder, name) is var i and >= 0 ? i : EvidenceOrder.Length;

    private static double? EvidenceNumber(EvidenceFinding finding, string name) =>
        finding.Evidence is { ValueKind: JsonValueKind.Object } evidence && evidence.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    /// <summary>"1:02.50" (minutes, seconds) for a duration in seconds.</summary>
    public static string Clock(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalHours >= 1
            ? FormattableString.Invariant($"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : FormattableString.Invariant($"{span.Minutes}:{span.Seconds:00}.{span.Milliseconds / 10:00}");
    }

    public static string Number(double value) =>
        value.ToString(Math.Abs(value - Math.Round(value)) < 0.005 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Number(value.GetDouble()),
        JsonValueKind.String when value.TryGetDateTime(out var at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFF 'UTC'", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => Shorten(value.GetRawText(), 120),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
