using Microsoft.AspNetCore.Mvc;

namespace RlGameTester.Api.Infrastructure;

/// <summary><c>limit</c> alone, for lists that show the first rows of a ranking (no <c>skip</c>).</summary>
internal readonly record struct TopQuery([property: FromQuery(Name = "limit")] int? Limit) : IValidatedRequest
{
    /// <summary>Rows to return: <c>limit</c>, or <paramref name="defaultLimit"/> when not given.</summary>
    public int Take(int defaultLimit = PageQuery.DefaultLimit) => Limit ?? defaultLimit;

    public void Validate(RequestErrors errors) => errors.Limit(Limit);
}
