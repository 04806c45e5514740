using System.Net;

namespace RlGameTester.Api.Tests;

/// <summary>
/// The errors the framework raises before an endpoint runs (a value that does not bind, a missing or wrong body, no
/// such route, a wrong method or content type) answer ProblemDetails that say why in the API's terms, never its CLR types.
/// </summary>
public sealed class FrameworkErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string?, string?, HttpStatusCode, string> Cases => new()
    {
        { "POST", "/api/runs", "application/json", """{"map_id": "x"}""", HttpStatusCode.BadRequest, "map_id: must be a whole number." },
        { "POST", "/api/runs", "application/json", """{"map_id": 1e400}""", HttpStatusCode.BadRequest, "map_id: must be a whole number." },
        { "POST", "/api/runs", "application/json", "[]", HttpStatusCode.BadRequest, "body: must be a JSON object of the documented shape." },
        { "POST", "/api/runs", "application/json", "", HttpStatusCode.BadRequest, "body: is required: send a JSON object (Content-Type: application/json)." },
        { "POST", "/api/events/bulk?run_id=1", "application/json", """{"x": 1}""", HttpStatusCode.BadRequest, "body: must be an array." },
        { "GET", "/api/maps?skip=abc", null, null, HttpStatusCode.BadRequest, "skip: \"abc\" is not a whole number." },
        { "GET", "/api/events?run_id=1.5", null, null, HttpStatusCode.BadRequest, "run_id: \"1.5\" is not a whole number." },
        { "GET", "/api/no-such-thing", null, null, HttpStatusCode.NotFound, "There is no GET /api/no-such-thing in this API; /openapi.json lists every endpoint." },
        { "PUT", "/api/maps", "application/json", "{}", HttpStatusCode.MethodNotAllowed, "/api/maps does not take PUT; /openapi.json lists the methods it takes." },
        // The endpoints' own one-field 400s read the same way.
        { "POST", "/api/runs/0/start", null, null, HttpStatusCode.BadRequest, "id: must be a positive id; got 0." },
        { "POST", "/api/runs/1/log", null, null, HttpStatusCode.BadRequest, "file: send the log as multipart/form-data in the field 'file'." },
        { "POST", "/api/runs/1/log", "application/json", "{}", HttpStatusCode.UnsupportedMediaType, "POST /api/runs/1/log does not take application/json; /openapi.json gives the content type each endpoint takes." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FrameworkErrorsSayWhyInTheApisTerms(string method, string path, string? contentType, string? body, HttpStatusCode status, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent(body ?? string.Empty, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var problem = await _client.SendAsync(request, TestContext.Current.CancellationToken).ExpectProblemAsync(status);

        Assert.Equal(detail, problem["detail"]?.GetValue<string>());
        Assert.DoesNotContain("Nullable", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
