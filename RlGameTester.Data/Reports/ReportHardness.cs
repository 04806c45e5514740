namespace RlGameTester.Data.Reports;

/// <summary>A hardness score with its four factors (points out of 35, 25, 20, 20) and what drives it, in words.</summary>
public sealed record ReportHardness
{
    public long RunId { get; init; }

    public double Score { get; init; }

    public required string Band { get; init; }

    public double DeathPoints { get; init; }

    public double KillPoints { get; init; }

    public double HealthPoints { get; init; }

    public double StuckPoints { get; init; }

    /// <summary>The factors from largest to smallest, with the figures behind them.</summary>
    public required string Drivers { get; init; }
}
