using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Who may do what, through the real authentication and authorization of the Api: every endpoint refuses a caller
/// without credentials, each role is refused what it may not do, revoked keys, forged and expired tokens are refused.
/// </summary>
public sealed partial class SecurityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The endpoints only agents and services may call, and those only admins may: the rest go by method (see Allowed).
    private static readonly string[] ServiceOnly = ["POST /api/runs/{id:long}/complete", "POST /api/runs/{id:long}/fail", "POST /api/events/bulk"];

    // The deletions a tester may make: taking back a triage mark deletes no finding.
    private static readonly string[] TesterDeletions = ["DELETE /api/bugs/{id:long}/triage"];

    [Fact]
    public async Task EveryEndpointOfTheApiRefusesACallerWithoutCredentialsWith401SayingWhatToSend()
    {
        using var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Remove(ApiKeys.Header);

        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found");
        foreach (var (method, route) in endpoints)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(route)), Token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route} answered {(int)response.StatusCode} without credentials");
            var problem = await response.ReadJsonAsync();
            Assert.Contains("X-Api-Key", problem["detail"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("tester")]
    [InlineData("admin")]
    [InlineData("service")]
    public async Task EachRoleIsRefusedWith403ExactlyWhatItMayNotDo(string role)
    {
        using var client = await factory.ClientWithRolesAsync(role);

        foreach (var (method, route) in Endpoints().Where(e => !e.Route.StartsWith("/hubs", StringComparison.Ordinal)))
        {
            // Requests to an id that does not exist: an allowed one answers 404, 400 or the like, never 401 or 403.
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(route)), Token);
            var allowed = Allowed(role, method, route);
            if (allowed)
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{role}: {method} {route} answered {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {route} answered {(int)response.StatusCode}, not 403");
                var problem = await response.ReadJsonAsync();
                Assert.StartsWith($"The caller's roles ({role}) do not allow this request: it needs the ", problem["detail"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task AKeyAnAdminMakesWorksUntilItIsRevokedAndItsSecretIsShownOnlyOnce()
    {
        using var admin = factory.CreateClient();
        var made = await admin.PostOkAsync("/api/keys", new { name = "ci-pipeline", roles = new[] { "tester", "reader" } });
        var key = made["key"]!.GetValue<string>();
        var id = made["id"]!.GetValue<long>();
        Assert.Equal(["reader", "tester"], made["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.StartsWith($"rlgt_{made["prefix"]!.GetValue<string>()}_", key);

        using var ci = factory.CreateClient();
        ci.DefaultRequestHeaders.Remove(ApiKeys.Header);
        ci.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        var mapId = await ci.CreateMapAsync();
        Assert.Equal(mapId, (await ci.GetOkAsync($"/api/maps/{mapId}"))["id"]!.GetValue<long>());

        var listed = (await admin.GetOkAsync("/api/keys")).AsArray().Single(k => k!["id"]!.GetValue<long>() == id)!;
        Assert.Null(listed["key"]);
        Assert.Null(listed["revoked_at"]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{id}", Token)).StatusCode);
        var problem = await ci.GetAsync($"/api/maps/{mapId}", Token).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The API key 'ci-pipeline' was revoked at ", problem["detail"]!.GetValue<string>());
        Assert.NotNull((await admin.GetOkAsync("/api/keys")).AsArray().Single(k => k!["id"]!.GetValue<long>() == id)!["revoked_at"]);
        await admin.DeleteAsync("/api/keys/987654321", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AKeyRequestWithoutANameOrWithAnUnknownRoleIsRefusedWith400()
    {
        using var admin = factory.CreateClient();

        var problem = await admin.PostAsJsonAsync("/api/keys", new { roles = new[] { "superuser" } }, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("name", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("unknown role(s) superuser: the roles are reader, tester, admin, service", problem["errors"]!["roles"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("rlgt_000000000000_not-a-key-this-service-made")]
    [InlineData("not even the format")]
    public async Task AKeyThisServiceDidNotIssueIsRefusedWith401(string key)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);

        var problem = await client.GetAsync("/api/maps", Token).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key is not one this service issued.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEntraTokenWithAnAppRoleIsTakenAndForgedExpiredOrForeignTokensAreRefused()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);

        async Task<HttpStatusCode> Send(HttpMethod method, string url, string token)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(new { map_id = 1 }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, Token);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "/api/maps", TestTokens.For(["reader"])));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, "/api/runs", TestTokens.For(["reader"])));
        Assert.NotEqual(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, "/api/runs", TestTokens.For(["tester"])));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/maps", TestTokens.For(["admin"], forged: true)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/maps", TestTokens.For(["admin"], expired: true)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/maps", TestTokens.For(["admin"], audience: "api://someone-else")));
    }

    [Fact]
    public async Task HealthAndTheDocsStayOpenForProbesAndPeople()
    {
        using var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Remove(ApiKeys.Header);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive", Token)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/health", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi.json", Token)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheConfiguredOriginMayCallTheApiFromAWebPage()
    {
        using var client = factory.CreateClient();

        async Task<string?> AllowedOriginFor(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/maps");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
            preflight.Headers.Add("Access-Control-Request-Headers", ApiKeys.Header);
            using var response = await client.SendAsync(preflight, Token);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Equal(ApiFactory.AllowedOrigin, await AllowedOriginFor(ApiFactory.AllowedOrigin));
        Assert.Null(await AllowedOriginFor("https://evil.example"));
    }

    [Fact]
    public async Task TheCommandLineMakesADeploymentsFirstKeyWithTheServicesOwnSettings()
    {
        var made = await RunApiAsync(["keys", "create", "--name", "ops", "--role", "admin"]);
        var usage = await RunApiAsync(["keys", "create", "--name", "ops", "--role", "root"]);

        Assert.True(made.ExitCode == 0, made.Output);
        var key = KeyInOutput().Match(made.Output).Value;
        using var ops = factory.CreateClient();
        ops.DefaultRequestHeaders.Remove(ApiKeys.Header);
        ops.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        Assert.Contains((await ops.GetOkAsync("/api/keys")).AsArray(), k => k!["name"]!.GetValue<string>() == "ops");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("unknown role(s) root", usage.Output);
    }

    // The Api's own executable, as a deployment runs it, on this factory's database.
    private async Task<(int ExitCode, string Output)> RunApiAsync(string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RlGameTester.Api.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ConnectionStrings__rlgt"] = factory.DatabaseConnectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"rlgt_[0-9a-f]{12}_[A-Za-z0-9_-]+")]
    private static partial Regex KeyInOutput();

    // Whether the role may call the endpoint: reads for every role; writes (and clearing a triage mark) for testers and
    // admins; other deletions and keys for admins; ending runs and bulk events for services alone.
    private static bool Allowed(string role, string method, string route)
    {
        if (ServiceOnly.Contains($"{method} {route}"))
        {
            return role == "service";
        }

        if (route.StartsWith("/api/keys", StringComparison.Ordinal) || (method == "DELETE" && !TesterDeletions.Contains($"{method} {route}")))
        {
            return role == "admin";
        }

        return method == "GET" || role is "tester" or "admin";
    }

    private List<(string Method, string Route)> Endpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/hubs", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()];

    // A concrete URL for a route: every parameter an id no row has.
    private static string Url(string route) => RouteParameter().Replace(route, m => m.Value.Contains("hash", StringComparison.Ordinal) ? "abc" : "987654321");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
