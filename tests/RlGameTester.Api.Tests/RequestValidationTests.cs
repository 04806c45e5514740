using System.Net;
using System.Net.Http.Json;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Requests check themselves before their handler runs (one filter for the whole API): one 400 names the problems of
/// every checked argument together, and nothing is done.
/// </summary>
public sealed class RequestValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFilterRecordAndItsPageAreCheckedTogetherInOne400()
    {
        using var client = factory.CreateClient();

        var problem = await client.GetAsync("/api/bugs?severity=fatal&map_id=-2&limit=0&skip=-1", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["map_id", "severity", "skip", "limit"], errors.Select(e => e.Key));
        Assert.StartsWith("map_id: must be a positive id; got -2. severity: 'fatal' is not a valid severity", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvalidBodyIsRefusedBeforeTheHandlerLooksAnythingUp()
    {
        using var client = factory.CreateClient();

        // Map 999999 does not exist: a handler that ran would answer 404; the checks answer first.
        var problem = await client.PostAsJsonAsync("/api/runs", new { map_id = 999999, agent = "nobody", scenario = new string('s', 101) }, Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["agent", "scenario"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AValidRequestReachesItsHandler()
    {
        using var client = factory.CreateClient();

        var problem = await client.PostAsJsonAsync("/api/runs", new { map_id = 999999, agent = "explorer" }, Token).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("999999", problem["detail"]!.GetValue<string>());
    }
}
