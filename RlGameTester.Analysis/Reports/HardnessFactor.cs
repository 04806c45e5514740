namespace RlGameTester.Analysis.Reports;

/// <summary>One of the four parts of the hardness score: its points out of its maximum, and the figure behind it.</summary>
internal sealed record HardnessFactor(string Name, double Points, double Of, string From)
{
    /// <summary>"35 of 35 points: 3 deaths in 3 episodes", optionally led by the factor's name.</summary>
    public string Describe(bool withName = false) =>
        (withName ? $"{Name}: " : string.Empty) + $"{FindingText.Number(Points)} of {FindingText.Number(Of)} points: {From}";
}
