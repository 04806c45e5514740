using Microsoft.AspNetCore.Mvc;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// <c>skip</c> and <c>limit</c> of a list endpoint, bound from the query as one record (<c>[AsParameters]</c>, as
/// eShop's catalog pages); <see cref="RequestErrors.Paging(PageQuery, int)"/> checks them with the request's other fields.
/// </summary>
internal readonly record struct PageQuery(
    [property: FromQuery(Name = "skip")] int? Skip,
    [property: FromQuery(Name = "limit")] int? Limit);
