using System.Text.Json.Serialization;

namespace RlGameTester.Bench.Corpus;

/// <summary>One row: what the static checks and the explorer made of one level (the JSON form of <c>--json</c>).</summary>
internal sealed record LevelMeasurement
{
    public required string Source { get; init; }

    public required string Split { get; init; }

    public required bool Deathmatch { get; init; }

    public required string File { get; init; }

    public required string Level { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<LevelOutcome>))]
    public required LevelOutcome Outcome { get; init; }

    /// <summary>Why the level could not be measured (unreadable, timed out, crashed).</summary>
    public string? Error { get; init; }

    /// <summary><c>doom</c>, <c>boom</c> (a Doom-format level using a special above 141), <c>hexen</c> or <c>udmf</c>; the manifest's when unreadable.</summary>
    public required string Format { get; init; }

    public int Lines { get; init; }

    public bool HasPlayer1Start { get; init; }

    public bool HasExit { get; init; }

    /// <summary><c>ExplorationResult.ExitReached</c>.</summary>
    public bool Finished { get; init; }

    public bool SecretExit { get; init; }

    /// <summary>Critical findings, <c>static:check-name</c> or <c>explorer:Kind</c>, one entry per finding.</summary>
    public IReadOnlyList<string> Criticals { get; init; } = [];

    /// <summary>The explorer's exit finding (<c>ExitUnreachable</c> or <c>ExitNotReached</c>) when it is not critical.</summary>
    public string? ExitFinding { get; init; }

    /// <summary>That finding's description (in the JSON rows): where the explorer stopped and what the proof got through by.</summary>
    public string? ExitDetail { get; init; }

    /// <summary>For an unfinished level: the exit finding's <c>mechanic</c> evidence ("proven" for a proven one), else its title (or died / timed out).</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The tic the explorer's run ended on (<c>ExplorationResult.EndTick</c>).</summary>
    public int Tics { get; init; }

    /// <summary>The run used its whole tick limit: what stopped it is the time it had, whatever the exit finding names.</summary>
    public bool OutOfTicks { get; init; }

    /// <summary>
    /// The rule the trajectory validator refuted the run's way to an exit by (its <c>PathRefuted</c> finding), or null:
    /// a run the explorer thinks finished that does not count.
    /// </summary>
    public string? RefutedBy { get; init; }

    /// <summary>Runs the explorer played: 2 when the first trapped itself and the second finished (<c>ExplorationResult.Attempts</c>).</summary>
    public int Attempts { get; init; } = 1;

    public double Milliseconds { get; init; }

    public double ExploreMilliseconds { get; init; }

    [JsonIgnore]
    public bool HasCritical => Criticals.Count > 0;
}
