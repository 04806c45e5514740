using Microsoft.AspNetCore.Mvc;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// <c>skip</c> and <c>limit</c> of a list endpoint, bound from the query as one record (<c>[AsParameters]</c>, as
/// eShop's catalog pages) and checked before the handler runs (<see cref="RequestValidation"/>).
/// </summary>
internal readonly record struct PageQuery(
    [property: FromQuery(Name = "skip")] int? Skip,
    [property: FromQuery(Name = "limit")] int? Limit) : IValidatedRequest
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    /// <summary>Rows to skip (0 when not given).</summary>
    public int Offset => Skip ?? 0;

    /// <summary>Rows to return: <c>limit</c>, or <paramref name="defaultLimit"/> when not given.</summary>
    public int Take(int defaultLimit = DefaultLimit) => Limit ?? defaultLimit;

    public void Validate(RequestErrors errors)
    {
        errors.NotNegative("skip", Skip);
        errors.Limit(Limit);
    }
}
