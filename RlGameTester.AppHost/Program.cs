using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlGameTester.AppHost;
using RlGameTester.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: where PostgreSQL, Redis and blob storage come from (Infrastructure:Mode).
var mode = InfrastructureModeResolver.Resolve(builder);
var backing = mode switch
{
    InfrastructureMode.Containers => builder.AddContainerInfrastructure(),
    InfrastructureMode.Local => builder.AddLocalInfrastructure(),
    _ => builder.AddExternalInfrastructure(),
};

// Optional: an OpenAI-compatible endpoint for reports (connection string "llm"); templates otherwise.
var llm = builder.Configuration.GetConnectionString("llm") is { Length: > 0 }
    ? builder.AddConnectionString("llm")
    : null;

// Services.
var api = builder.AddProject<Projects.RlGameTester_Api>("api")
    .ServingPlainHttp()
    .WithBackingServices(backing)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

var worker = builder.AddProject<Projects.RlGameTester_Worker>("worker")
    .ServingPlainHttp()
    .WithBackingServices(backing)
    .WithHttpHealthCheck("/health");

// Optional: an Arnold installation (Agents:Arnold:Path, and Agents:Arnold:Python for its interpreter) for the
// Worker. Runs that name no agent then default to Arnold; without one, to the built-in explorer.
if (builder.Configuration["Agents:Arnold:Path"] is { Length: > 0 } arnoldPath)
{
    worker.WithEnvironment("Agents__Arnold__Path", arnoldPath);
    if (builder.Configuration["Agents:Arnold:Python"] is { Length: > 0 } python)
    {
        worker.WithEnvironment("Agents__Arnold__Python", python);
    }

    api.WithEnvironment("Agents__Default", "arnold");
}

var analysis = builder.AddProject<Projects.RlGameTester_Analysis>("analysis")
    .ServingPlainHttp()
    .WithBackingServices(backing)
    .WithHttpHealthCheck("/health");
if (llm is not null)
{
    analysis.WithReference(llm);
}

// Sample levels: the seed's JSON form of POST /api/maps may import Debian's freedoom WADs on a local machine.
const string freedoom = "/usr/share/games/doom";
if (!builder.ExecutionContext.IsPublishMode && Directory.Exists(freedoom))
{
    api.WithEnvironment("Maps__ImportFolder", freedoom);
}

// Local use: the Api makes a development admin key on its first start and keeps it beside the data, where
// scripts/run.sh and the README's examples read it. Deployments make keys with `RlGameTester.Api keys create`.
var keyFile = mode == InfrastructureMode.Local && !builder.ExecutionContext.IsPublishMode ? LocalSettings.From(builder).ApiKeyFile : null;
if (keyFile is not null)
{
    api.WithEnvironment("Authentication__BootstrapKeyFile", keyFile);
}

// The web app for designers: the Api through service discovery, with each person's own key.
var web = builder.AddProject<Projects.RlGameTester_Web>("web")
    .ServingPlainHttp()
    .WithReference(api)
    .WaitFor(api)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
web.WithUrlForEndpoint("http", url => url.DisplayText = "Web app");

// Optional: Entra ID, from the AppHost's own configuration. Authentication:Jwt:* (Authority, Audience) lets the Api
// accept Entra's tokens; Authentication:Entra:* (Authority or TenantId, ClientId, ApiScope, and ClientSecret, passed as
// a secret parameter) offers "Sign in with Microsoft" on the web app. Without them both take Api keys only.
foreach (var setting in builder.Configuration.GetSection("Authentication:Jwt").GetChildren().Where(s => s.Value is { Length: > 0 }))
{
    api.WithEnvironment($"Authentication__Jwt__{setting.Key}", setting.Value);
}

var entra = builder.Configuration.GetSection("Authentication:Entra");
if (entra["ClientId"] is { Length: > 0 })
{
    foreach (var setting in entra.GetChildren().Where(s => s.Key != "ClientSecret" && s.Value is { Length: > 0 }))
    {
        web.WithEnvironment($"Authentication__Entra__{setting.Key}", setting.Value);
    }

    web.WithEnvironment("Authentication__Entra__ClientSecret",
        builder.AddParameterFromConfiguration("entra-client-secret", "Authentication:Entra:ClientSecret", secret: true));
}

api.WithUrlForEndpoint("http", url => url.DisplayText = "API");
api.WithUrl("/docs", "API docs (Scalar)");

// The console says where the Api is, beside the dashboard's address that Aspire prints.
builder.Eventing.Subscribe<ResourceReadyEvent>(api.Resource, (ready, _) =>
{
    var url = api.GetEndpoint("http").Url;
    var logger = ready.Services.GetRequiredService<ILogger<Program>>();
    logger.LogInformation("API: {Url} (docs: {Url}/docs)", url, url);
    // The Api wrote the key before it answered its health check.
    if (keyFile is not null && File.Exists(keyFile))
    {
        logger.LogInformation("API key (send it as X-Api-Key; kept in {File}): {Key}", keyFile, File.ReadAllText(keyFile).Trim());
    }

    return Task.CompletedTask;
});
builder.Eventing.Subscribe<ResourceReadyEvent>(web.Resource, (ready, _) =>
{
    ready.Services.GetRequiredService<ILogger<Program>>().LogInformation("Web app: {Url} (sign in with the API key)", web.GetEndpoint("http").Url);
    return Task.CompletedTask;
});

builder.Build().Run();
