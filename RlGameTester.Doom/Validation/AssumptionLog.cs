namespace RlGameTester.Doom.Validation;

/// <summary>The simplifications a verdict relies on, each once, in the order the run first needed them.</summary>
internal sealed class AssumptionLog
{
    private readonly List<string> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Items => _items;

    public void Add(string assumption)
    {
        if (_seen.Add(assumption))
        {
            _items.Add(assumption);
        }
    }
}
