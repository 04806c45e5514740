using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Detectors;

/// <summary>What a telemetry detector found, before it is stored as a bug of the run.</summary>
public sealed record Finding(
    BugType Type,
    BugSeverity Severity,
    double Confidence,
    string CheckName,
    string Title,
    string Description,
    int? Episode,
    int? Frame,
    DateTime? Timestamp,
    double? X,
    double? Y,
    IReadOnlyDictionary<string, object?> Evidence)
{
    /// <summary>The level element concerned (line, side, sector, thing), when the finding names one.</summary>
    public string? ElementKind { get; init; }

    public int? ElementIndex { get; init; }
}
