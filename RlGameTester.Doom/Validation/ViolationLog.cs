using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The violations found so far, in the order found. A rule broken at the same element on consecutive tics (a body
/// standing where it may not) is one violation spanning those tics, so one bad spot cannot flood the verdict.
/// </summary>
internal sealed class ViolationLog
{
    private readonly List<TrajectoryViolation> _items = [];
    private readonly Dictionary<(string Rule, ElementKind? Kind, int? Index), int> _open = [];

    public IReadOnlyList<TrajectoryViolation> Items => _items;

    public void Add(int tick, string rule, double x, double y, string message, ElementKind? elementKind = null, int? elementIndex = null, double? amount = null, bool withinGrid = false)
    {
        var key = (rule, elementKind, elementIndex);
        if (_open.TryGetValue(key, out var at) && tick - _items[at].LastTick is 0 or 1)
        {
            _items[at] = _items[at] with { LastTick = tick, Amount = Max(_items[at].Amount, amount), WithinGrid = _items[at].WithinGrid && withinGrid };
            return;
        }

        _open[key] = _items.Count;
        _items.Add(new TrajectoryViolation(tick, rule, x, y, message) { LastTick = tick, ElementKind = elementKind, ElementIndex = elementIndex, Amount = amount, WithinGrid = withinGrid });
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    public void Add(int tick, double x, double y, ReachFailure failure) =>
        Add(tick, failure.Rule, x, y, failure.Message, failure.ElementKind, failure.ElementIndex, withinGrid: failure.WithinGrid);
}
