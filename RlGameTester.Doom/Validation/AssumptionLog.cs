namespace RlGameTester.Doom.Validation;

/// <summary>The simplifications a verdict relies on, each once, in the order the run first needed them.</summary>
internal sealed class AssumptionLog
{
    private readonly List<string> items = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Items => items;

    public void Add(string assumption)
    {
        if (seen.Add(assumption))
        {
            items.Add(assumption);
        }
    }
}
