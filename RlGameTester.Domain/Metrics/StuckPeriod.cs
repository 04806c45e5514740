namespace RlGameTester.Domain.Metrics;

/// <summary>A stretch of play during which the agent did not move (or asked for help moving).</summary>
/// <param name="Episode">The episode it happened in, where known.</param>
/// <param name="StartFrame">First tick of the period, where known.</param>
/// <param name="EndFrame">Last tick of the period, where known.</param>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended.</param>
/// <param name="X">Where, in map units (null for periods known only from <c>stuck_candidate</c> events without a place).</param>
/// <param name="Y">Where, in map units.</param>
/// <param name="Samples">How many position events (or stuck candidates) it spans.</param>
/// <param name="FirstEventId">The stored id (or sequence) of the first event of the period, for evidence.</param>
/// <param name="LastEventId">The stored id (or sequence) of the last event of the period.</param>
public sealed record StuckPeriod(
    int? Episode,
    int? StartFrame,
    int? EndFrame,
    DateTime Start,
    DateTime End,
    double? X,
    double? Y,
    int Samples,
    long FirstEventId,
    long LastEventId);
