using System.Globalization;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;

namespace RlGameTester.Cli.Checking;

/// <summary>
/// One finding in the Api's shape (<c>GET /api/bugs</c>: bug type, severity, detection source, check name, title,
/// description, confidence, place, element and evidence), with the level it is in.
/// </summary>
internal sealed record CliFinding
{
    public required string Level { get; init; }

    public required BugType BugType { get; init; }

    public required BugSeverity Severity { get; init; }

    public required DetectionSource DetectionSource { get; init; }

    public required string CheckName { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public double Confidence { get; init; } = 1;

    public double? PositionX { get; init; }

    public double? PositionY { get; init; }

    public string? ElementKind { get; init; }

    public int? ElementIndex { get; init; }

    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();

    /// <summary>Through <c>rlgt submit --project</c>: whether the previous revision of the level lacked it (null: no previous revision, or not compared).</summary>
    public bool? IsNew { get; init; }

    /// <summary>"line 12", "sector 4", "the level": the element a person looks for in an editor.</summary>
    public string ElementText => ElementKind is null or "level" || ElementIndex is null
        ? "the level"
        : string.Create(CultureInfo.InvariantCulture, $"{ElementKind} {ElementIndex}");

    /// <summary>"(1056, -3616)", or null for a finding without a place.</summary>
    public string? PlaceText => PositionX is { } x && PositionY is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"({x:0.#}, {y:0.#})")
        : null;

    /// <summary>Matches the same finding in another check of the level (its <see cref="FindingIdentity"/>), whatever its wording.</summary>
    public string Fingerprint => $"{Level}/{FindingIdentity.Of(CheckName, ElementKind, ElementIndex, PositionX, PositionY)}";

    public static CliFinding FromCheck(string level, Finding finding) => new()
    {
        Level = level,
        BugType = FindingTypes.OfCheck(finding.Check),
        Severity = BugSeverities.From(finding.Severity),
        DetectionSource = DetectionSource.Static,
        CheckName = finding.Check,
        Title = finding.Message,
        Description = finding.Message,
        PositionX = finding.X,
        PositionY = finding.Y,
        ElementKind = finding.Element.WireName(),
        ElementIndex = finding.Index,
    };

    public static CliFinding FromExplorer(string level, ExplorerFinding finding)
    {
        var (type, check) = FindingTypes.OfExplorer(finding.Kind);
        return new CliFinding
        {
            Level = level,
            BugType = type,
            Severity = BugSeverities.From(finding.Severity),
            // The services file the explorer's findings under telemetry: it plays the level as an agent does.
            DetectionSource = DetectionSource.Telemetry,
            CheckName = check,
            Title = finding.Title,
            Description = finding.Description,
            Confidence = finding.Confidence,
            PositionX = Math.Round(finding.X, 1),
            PositionY = Math.Round(finding.Y, 1),
            ElementKind = finding.ElementKind?.WireName(),
            ElementIndex = finding.ElementIndex,
            Evidence = finding.Evidence,
        };
    }
}
