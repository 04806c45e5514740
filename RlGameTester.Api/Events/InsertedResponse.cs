namespace RlGameTester.Api.Events;

/// <summary>How many rows a bulk insert stored.</summary>
public sealed record InsertedResponse
{
    /// <example>50000</example>
    public long Inserted { get; init; }
}
