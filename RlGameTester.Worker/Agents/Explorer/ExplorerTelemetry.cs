using System.Text.Json.Nodes;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Worker.Agents.Explorer;

/// <summary>
/// Writes an exploration as telemetry: <c>run_start</c>, one episode (<c>episode_start</c> ... <c>episode_end</c>
/// with exit, coverage and time to exit) and in between the explorer's events and findings in tick order,
/// timed from the run's start at 35 tics a second.
/// </summary>
internal sealed class ExplorerTelemetry(DateTime startedAt)
{
    private const double TicsPerSecond = 35.0;
    private const int Episode = 1;
    private long _sequence;

    public IEnumerable<TelemetryEvent> Translate(AgentRun run, Level level, ExplorerOptions options, ExplorationResult result, Frames.PathFramesResult? frames = null)
    {
        yield return Event(EventType.RunStart, 0, new JsonObject
        {
            ["agent"] = ExplorerAgent.AgentName,
            ["map"] = level.Name,
            ["format"] = level.Format.ToString().ToLowerInvariant(),
            ["skill"] = options.Skill,
            ["seed"] = options.Seed,
            ["tick_limit"] = options.TickLimit,
            ["position_interval"] = options.PositionInterval,
            ["run_type"] = SnakeCase.Of(run.RunType),
        }, episode: null);
        yield return Event(EventType.EpisodeStart, 0, new JsonObject { ["map"] = level.Name });

        // Events and findings are each in tick order; merge them, a finding after the events of its tick (one without a tick
        // at the end). The renderer's limit findings are placed at the tick of their worst view.
        var findings = result.Findings
            .Select(f => (Tick: f.Tick ?? result.EndTick, Make: (Func<TelemetryEvent>)(() => FindingEvent(f, result.EndTick))))
            .Concat((frames?.Limits.Findings() ?? []).Select(f => (f.Tick, Make: (Func<TelemetryEvent>)(() => LimitEvent(f.Tick, f.Finding)))))
            .OrderBy(f => f.Tick)
            .ToList();
        var next = 0;
        foreach (var e in result.Events)
        {
            for (; next < findings.Count && findings[next].Tick < e.Tick; next++)
            {
                yield return findings[next].Make();
            }

            yield return Translate(e);
        }

        for (; next < findings.Count; next++)
        {
            yield return findings[next].Make();
        }

        var end = new JsonObject
        {
            ["exit_reached"] = result.ExitReached,
            ["secret_exit"] = result.SecretExit,
            ["died"] = result.Died,
            ["health"] = result.FinalHealth,
            ["ticks"] = result.EndTick,
            ["coverage_reachable"] = Share(result.ReachableArea, result.TotalArea),
            ["coverage_visited"] = Share(result.VisitedArea, result.TotalArea),
            ["total_area"] = Math.Round(result.TotalArea),
            ["reachable_area"] = Math.Round(result.ReachableArea),
            ["visited_area"] = Math.Round(result.VisitedArea),
            ["findings"] = result.Findings.Count,

            // A finish the explorer assumed part of (a boss killed in view, crushed bosses) says so; the validator's word
            // on the path is kept beside it.
            ["exit_assumptions"] = new JsonArray([.. result.ExitAssumptions.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["path_upheld"] = result.Validation?.Upholds,

            // 2 when the first run trapped itself and a second, with the next seed, is the one reported.
            ["attempts"] = result.Attempts,

            // What rendering the path cost, after the play.
            ["frames"] = frames?.Frames ?? 0,
            ["frames_ms"] = frames is null ? 0 : Math.Round(frames.Elapsed.TotalMilliseconds),
        };
        if (result.ExitTick is { } exitTick)
        {
            end["time_to_exit"] = Math.Round(exitTick / TicsPerSecond, 3);
        }

        yield return Event(EventType.EpisodeEnd, result.EndTick, end);
    }

    private TelemetryEvent Translate(ExplorerEvent e)
    {
        var data = new JsonObject { ["x"] = Math.Round(e.X, 1), ["y"] = Math.Round(e.Y, 1) };
        switch (e.Kind)
        {
            case ExplorerEventKind.Position:
                data["z"] = Math.Round(e.Z, 1);
                data["angle"] = e.Angle;
                data["sector"] = e.Sector;
                return Event(EventType.Position, e.Tick, data);
            case ExplorerEventKind.Jump:
                data["z"] = Math.Round(e.Z, 1);
                data["sector"] = e.Sector;
                return Event(EventType.Jump, e.Tick, data);
            case ExplorerEventKind.HealthChange:
                data["old"] = e.OldHealth;
                data["new"] = e.NewHealth;
                data["sector"] = e.Sector;
                data["cause"] = e.Cause;
                if (e.NewHealth < e.OldHealth)
                {
                    // Every loss the explorer knows is the level's doing (it meets no monster); gains are pickups.
                    data["hazard"] = e.Cause ?? "the level";
                }

                return Event(EventType.HealthChange, e.Tick, data);
            case ExplorerEventKind.Death:
                data["sector"] = e.Sector;
                data["cause"] = e.Cause;
                return Event(EventType.Death, e.Tick, data);
            case ExplorerEventKind.KeyPickup:
                data["key"] = e.Item;
                data["thing"] = e.Thing;
                return Event(EventType.KeyPickup, e.Tick, data);
            case ExplorerEventKind.ItemPickup:
                data["item"] = e.Item;
                data["thing"] = e.Thing;
                return Event(EventType.ItemPickup, e.Tick, data);
            case ExplorerEventKind.LineActivated:
                data["line"] = e.Line;
                data["special"] = e.Detail;
                return Event(EventType.LineActivated, e.Tick, data);
            case ExplorerEventKind.Teleport:
                data["to_x"] = e.ToX is { } toX ? Math.Round(toX, 1) : null;
                data["to_y"] = e.ToY is { } toY ? Math.Round(toY, 1) : null;
                data["line"] = e.Line;
                return Event(EventType.Teleport, e.Tick, data);
            case ExplorerEventKind.StuckCandidate:
                data["sector"] = e.Sector;
                data["reason"] = e.Detail;
                return Event(EventType.StuckCandidate, e.Tick, data);
            case ExplorerEventKind.BarrelShot:
                data["thing"] = e.Thing;
                data["what"] = "explosive barrel";
                data["detail"] = e.Detail;
                return Event(EventType.ThingDestroyed, e.Tick, data);
            case ExplorerEventKind.ExitReached:
                data["line"] = e.Line;
                data["sector"] = e.Sector;
                data["exit"] = e.Detail;
                return Event(EventType.ExitReached, e.Tick, data);
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "An explorer event kind this agent does not translate.");
        }
    }

    private TelemetryEvent FindingEvent(ExplorerFinding finding, int endTick)
    {
        var (type, check) = FindingTypes.OfExplorer(finding.Kind);
        var payload = new AgentFinding
        {
            Type = type,
            Severity = BugSeverities.From(finding.Severity),
            Confidence = finding.Confidence,
            Check = check,
            Title = finding.Title,
            Description = finding.Description,
            X = Math.Round(finding.X, 1),
            Y = Math.Round(finding.Y, 1),
            ElementKind = finding.ElementKind?.WireName(),
            ElementIndex = finding.ElementIndex,
            Evidence = finding.Area is { } area
                ? new Dictionary<string, string>(finding.Evidence) { ["area"] = Math.Round(area).ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : finding.Evidence,
        };
        return new TelemetryEvent(_sequence++, EventType.Finding, At(finding.Tick ?? endTick), Episode, finding.Tick ?? endTick, DataJson: payload.ToJson());
    }

    private TelemetryEvent LimitEvent(int tick, AgentFinding finding) =>
        new(_sequence++, EventType.Finding, At(tick), Episode, tick, DataJson: finding.ToJson());

    private TelemetryEvent Event(EventType type, int tick, JsonObject data, int? episode = Episode) =>
        new(_sequence++, type, At(tick), episode, tick, DataJson: data.ToJsonString());

    private DateTime At(int tick) => startedAt.AddSeconds(tick / TicsPerSecond);

    private static double Share(double part, double whole) => whole > 0 ? Math.Round(part / whole, 4) : 0;
}
