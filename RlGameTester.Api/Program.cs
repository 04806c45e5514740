using RlGameTester.Api.Bugs;
using RlGameTester.Api.Events;
using RlGameTester.Api.Frames;
using RlGameTester.Api.Images;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Maps;
using RlGameTester.Api.Metrics;
using RlGameTester.Api.Progress;
using RlGameTester.Api.Projects;
using RlGameTester.Api.Reports;
using RlGameTester.Api.Runs;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Messaging;

if (KeyCommand.Matches(args))
{
    return await KeyCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddMessaging();
builder.AddApiConventions();
builder.AddRunProgress();
builder.AddMaps();
builder.AddFrames();
builder.AddRuns();
builder.AddApiSecurity();
builder.AddRateLimits();
builder.Services.AddScoped<ApiKeyStore>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
// After authentication, so each caller is counted by its key or token; before authorization, so callers refused for
// their credentials are counted too (by address).
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiDocs();
// One group for the whole API, so rules every endpoint shares are stated once (/health, /alive and the docs are outside it).
var api = app.MapGroup(string.Empty).RequireRoles().RequirePositiveIds().ValidateRequests();
api.MapMapsApi();
api.MapRunsApi();
api.MapLogUploadApi();
api.MapRunProgress();
api.MapEventsApi();
api.MapBugsApi();
api.MapFramesApi();
api.MapMetricsApi();
api.MapImagesApi();
api.MapMapGeometryApi();
api.MapMapOverviewApi();
api.MapReportsApi();
api.MapKeysApi();
api.MapProjectsApi();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
