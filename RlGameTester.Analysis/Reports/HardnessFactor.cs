namespace RlGameTester.Analysis.Reports;

/// <summary>One of the four parts of the hardness score: its points out of its maximum, the figure behind it, and its scale.</summary>
internal sealed record HardnessFactor(string Name, double Points, double Of, string Figure, string Scale)
{
    /// <summary>"25 of 25 points: 0 kills per episode", optionally led by the factor's name.</summary>
    public string Describe(bool withName = false) =>
        (withName ? $"{Name}: " : string.Empty) + $"{FindingText.Number(Points)} of {FindingText.Number(Of)} points: {Figure}";
}
