using System.Collections.Immutable;
using System.Globalization;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Gathers a level's read problems. The same problem on many elements (one unknown key on every thing) becomes one
/// problem naming the first element, how many more there are and a few of them; past <see cref="MaxProblems"/>
/// different problems the rest are only counted, so a hostile file cannot grow the list without bound.
/// </summary>
internal sealed class ReadProblemCollector
{
    public const int MaxProblems = 500;

    private const int ExampleCount = 10;

    private readonly Dictionary<(string Check, ElementKind Element, string Subject), Group> _groups = [];
    private readonly List<Group> _order = [];
    private long _omitted;

    /// <summary>Records a problem; <paramref name="subject"/> (a key, a lump) tells problems of one check apart.</summary>
    public void Add(string check, FindingSeverity severity, ElementKind element, int? index, string subject, string message)
    {
        if (_groups.TryGetValue((check, element, subject), out var group))
        {
            group.Count++;
            if (group.Examples.Count < ExampleCount && index is { } i)
            {
                group.Examples.Add(i);
            }

            return;
        }

        if (_order.Count >= MaxProblems)
        {
            _omitted++;
            return;
        }

        group = new Group(check, severity, element, index, message);
        _groups.Add((check, element, subject), group);
        _order.Add(group);
    }

    /// <summary>Records the WAD directory's defects that concern the level.</summary>
    public void AddWadProblems(IReadOnlyList<Wad.WadProblem> wadProblems)
    {
        foreach (var problem in wadProblems)
        {
            Add(problem.Check, FindingSeverity.Minor, ElementKind.Level, null, $"lump {problem.LumpIndex}", problem.Message);
        }
    }

    public ImmutableArray<LevelReadProblem> ToImmutable() => [.. ToList()];

    public IReadOnlyList<LevelReadProblem> ToList()
    {
        var problems = new List<LevelReadProblem>(_order.Count + 1);
        foreach (var group in _order)
        {
            problems.Add(new LevelReadProblem(group.Check, group.Severity, group.Element, group.Index, group.Describe()));
        }

        if (_omitted > 0)
        {
            problems.Add(new LevelReadProblem(
                CheckNames.FindingsOmitted,
                FindingSeverity.Info,
                ElementKind.Level,
                null,
                string.Create(CultureInfo.InvariantCulture, $"{_omitted} more problems reading the level were left out of this report.")));
        }

        return problems;
    }

    private sealed class Group(string check, FindingSeverity severity, ElementKind element, int? index, string message)
    {
        public string Check { get; } = check;

        public FindingSeverity Severity { get; } = severity;

        public ElementKind Element { get; } = element;

        public int? Index { get; } = index;

        public long Count { get; set; } = 1;

        public List<int> Examples { get; } = [];

        public string Describe()
        {
            if (Count == 1)
            {
                return message;
            }

            var kind = Element switch
            {
                ElementKind.Line => "linedefs",
                ElementKind.Side => "sidedefs",
                ElementKind.Sector => "sectors",
                ElementKind.Thing => "things",
                ElementKind.Vertex => "vertices",
                _ => "places",
            };
            var examples = Examples.Count == 0
                ? string.Empty
                : $" ({string.Join(", ", Examples)}{(Count - 1 > Examples.Count ? ", ..." : string.Empty)})";
            return string.Create(CultureInfo.InvariantCulture, $"{message} The same on {Count - 1} more {kind}{examples}.");
        }
    }
}
