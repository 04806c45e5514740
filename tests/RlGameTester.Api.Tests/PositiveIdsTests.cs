using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RlGameTester.Api.Tests;

/// <summary>Every route that takes an id refuses one below 1 with the same 400, stated once for the whole API.</summary>
public sealed class PositiveIdsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryRouteWithAnIdAnswersAZeroOrNegativeIdWithTheSame400()
    {
        // Creating the client starts the server whose endpoints are listed.
        using var client = factory.CreateClient();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern)))
            .Where(r => r.RoutePattern.Parameters.Any(p => p.Name is "id" or "run_id"))
            .ToList();
        Assert.True(routes.Count >= 27, $"{routes.Count} routes with an id");

        foreach (var (method, pattern) in routes)
        {
            foreach (var id in (long[])[0, -7])
            {
                var path = "/" + string.Join("/", pattern.PathSegments.Select(s => s.IsSimple && s.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p
                    ? p.Name is "id" or "run_id" ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1"
                    : string.Concat(s.Parts.OfType<Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart>().Select(l => l.Content))));
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                var name = pattern.Parameters.First(p => p.Name is "id" or "run_id").Name;

                var problem = await client.SendAsync(request, TestContext.Current.CancellationToken).ExpectProblemAsync(HttpStatusCode.BadRequest);

                Assert.Equal($"{name}: must be a positive id; got {id}.", problem["detail"]?.GetValue<string>());
            }
        }
    }
}
