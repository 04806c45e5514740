using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// What the proof search decided about a verdict of the explorer: <see cref="Proven"/>, or not, with the mechanic and
/// the place that let the generous search through (or the limit that keeps it from deciding).
/// </summary>
internal sealed record ProofResult(bool Proven, string Mechanic, string Explanation, double? X = null, double? Y = null, ElementKind? ElementKind = null, int? Element = null)
{
    public static ProofResult Confirmed(string explanation) => new(true, "proven", explanation);

    /// <summary>Adds the proof's facts to a finding's evidence.</summary>
    public Dictionary<string, string> AddTo(IReadOnlyDictionary<string, string> evidence)
    {
        var result = new Dictionary<string, string>(evidence)
        {
            ["proof"] = Proven ? "proven" : "not proven",
            ["mechanic"] = Mechanic,
        };
        if (X is { } x && Y is { } y)
        {
            result["way_x"] = FindingText.N(x);
            result["way_y"] = FindingText.N(y);
        }

        if (ElementKind is { } kind && Element is { } element)
        {
            result["way_element"] = $"{kind.WireName()} {element}";
        }

        return result;
    }
}
