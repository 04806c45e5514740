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

        if (finding.Episode is { } episode)
        {
            parts.Add($"episode {episode}");
        }

        if (finding.Tick is { } tick)
        {
            parts.Add($"tick {tick} ({Clock(tick / TicksPerSecond)})");
        }
        else if (finding.Timestamp is { } at && finding.RunId is not null)
        {
            parts.Add(at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "no place recorded";
    }

    /// <summary>"line 123", "sector 4", "the level as a whole"; null when no element is named.</summary>
    public static string? Element(EvidenceFinding finding) => (finding.Element, finding.ElementIndex) switch
    {
        ("level", _) => "the level as a whole",
        ({ } kind, { } index) => $"{kind} {index}",
        ({ } kind, null) => kind,
        _ => null,
    };

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
            foreach (var property in evidence.EnumerateObject())
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
