using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// What a run says about a placed polyobject's sector, told by the polyobject and its first line (the sector exists only
/// in play, not in the author's editor): the findings, and the validator's violations and assumptions.
/// </summary>
internal sealed class PolyobjectNames(Polyobjects polyobjects)
{
    public ExplorerFinding Of(ExplorerFinding finding)
    {
        var (kind, index) = Element(finding.ElementKind, finding.ElementIndex);
        return finding with
        {
            Title = polyobjects.Name(finding.Title),
            Description = polyobjects.Name(finding.Description),
            Evidence = finding.Evidence.ToDictionary(kv => kv.Key, kv => polyobjects.Name(kv.Value)),
            ElementKind = kind,
            ElementIndex = index,
        };
    }

    public TrajectoryVerdict Of(TrajectoryVerdict verdict) => verdict with
    {
        Violations = [.. verdict.Violations.Select(Of)],
        Assumptions = [.. verdict.Assumptions.Select(polyobjects.Name)],
    };

    private TrajectoryViolation Of(TrajectoryViolation violation)
    {
        var (kind, index) = Element(violation.ElementKind, violation.ElementIndex);
        return violation with { Message = polyobjects.Name(violation.Message), ElementKind = kind, ElementIndex = index };
    }

    // A polyobject's sector as the polyobject's first line; any other element as it is.
    private (ElementKind? Kind, int? Index) Element(ElementKind? kind, int? index) =>
        kind == ElementKind.Sector && polyobjects.IsPolyobject(index ?? -1, out var line) ? (ElementKind.Line, line) : (kind, index);
}
