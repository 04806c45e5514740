using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.Domain.Events;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// When the agent was moving, from the run's position events: frozen video counts only time the agent acted. Between
/// two position samples of an episode that differ (place or facing) the agent was moving. A run without position
/// events (Arnold logs none) gives no such knowledge, and every frame then counts as acting: an agent acts every step.
/// </summary>
internal sealed class AgentActivity
{
    private readonly List<Span> _all;
    private readonly Dictionary<int, List<Span>> _byEpisode;

    private AgentActivity(List<Span> all, Dictionary<int, List<Span>> byEpisode, bool known)
    {
        _all = all;
        _byEpisode = byEpisode;
        Known = known;
    }

    /// <summary>Whether the run had position events with ticks to judge by.</summary>
    public bool Known { get; }

    /// <summary>Reads the run's position events (ticks and payloads only).</summary>
    public static async Task<AgentActivity> ReadAsync(RlgtDbContext db, long runId, CancellationToken cancellationToken)
    {
        var positions = db.Events.AsNoTracking()
            .Where(e => e.RunId == runId && e.EventType == EventType.Position && e.Frame != null)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Episode, Tick = e.Frame!.Value, e.Data })
            .AsAsyncEnumerable();
        var builder = new Builder();
        await foreach (var p in positions.WithCancellation(cancellationToken))
        {
            builder.Add(p.Episode, p.Tick, p.Data);
        }

        return builder.Build();
    }

    /// <summary>An activity from samples already in memory: (episode, tick, x, y, angle).</summary>
    public static AgentActivity From(IEnumerable<(int? Episode, int Tick, double X, double Y, double? Angle)> samples)
    {
        var builder = new Builder();
        foreach (var (episode, tick, x, y, angle) in samples)
        {
            builder.Add(episode, tick, x, y, angle);
        }

        return builder.Build();
    }

    /// <summary>
    /// Whether the agent moved after <paramref name="afterTick"/> up to <paramref name="uptoTick"/>, in the frame's
    /// episode when it has one the events know. Always true when no position events were recorded.
    /// </summary>
    public bool ActedBetween(int? episode, int afterTick, int uptoTick)
    {
        if (!Known)
        {
            return true;
        }

        var spans = episode is { } e && _byEpisode.TryGetValue(e, out var ofEpisode) ? ofEpisode : _all;
        // Merged spans in order: the first that ends after afterTick is the only one that can overlap (afterTick, uptoTick].
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].To > afterTick)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < spans.Count && spans[lo].From < uptoTick;
    }

    /// <summary>Moving from just after <see cref="From"/> up to and including <see cref="To"/>.</summary>
    private readonly record struct Span(int From, int To);

    private sealed class Builder
    {
        private readonly Dictionary<int, (int Tick, double X, double Y, double? Angle)> _last = [];
        private readonly List<Span> _all = [];
        private readonly Dictionary<int, List<Span>> _byEpisode = [];
        private bool _known;

        public void Add(int? episode, int tick, string? payload)
        {
            if (Read(payload) is var (x, y, angle))
            {
                Add(episode, tick, x, y, angle);
            }
        }

        public void Add(int? episode, int tick, double x, double y, double? angle)
        {
            _known = true;
            var key = episode ?? -1;
            List<Span>? ofEpisode = null;
            // An episode with samples is judged by them alone, even when they never show it moving.
            if (episode is { } e && !_byEpisode.TryGetValue(e, out ofEpisode))
            {
                _byEpisode[e] = ofEpisode = [];
            }

            if (_last.TryGetValue(key, out var last) && (last.X != x || last.Y != y || last.Angle != angle))
            {
                // A tick that went back (a new episode without its number) counts as one tick of movement.
                var span = tick > last.Tick ? new Span(last.Tick, tick) : new Span(tick - 1, tick);
                _all.Add(span);
                ofEpisode?.Add(span);
            }

            _last[key] = (tick, x, y, angle);
        }

        public AgentActivity Build() =>
            new(Merge(_all), _byEpisode.ToDictionary(p => p.Key, p => Merge(p.Value)), _known);

        private static List<Span> Merge(List<Span> spans)
        {
            spans.Sort((a, b) => a.From.CompareTo(b.From));
            var merged = new List<Span>(spans.Count);
            foreach (var span in spans)
            {
                if (merged.Count > 0 && span.From <= merged[^1].To)
                {
                    merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, span.To) };
                }
                else
                {
                    merged.Add(span);
                }
            }

            return merged;
        }

        private static (double X, double Y, double? Angle)? Read(string? payload)
        {
            if (string.IsNullOrEmpty(payload))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(payload);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("x", out var x) || x.ValueKind != JsonValueKind.Number
                    || !root.TryGetProperty("y", out var y) || y.ValueKind != JsonValueKind.Number)
                {
                    return null;
                }

                double? angle = root.TryGetProperty("angle", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDouble() : null;
                return (x.GetDouble(), y.GetDouble(), angle);
            }
            catch (JsonException)
            {
                return null; // A payload that is not JSON says nothing about movement.
            }
        }
    }
}
