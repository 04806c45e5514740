using RlGameTester.Api.Bugs;
using RlGameTester.Api.Events;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Maps;
using RlGameTester.Api.Metrics;
using RlGameTester.Api.Runs;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddRedisClient("redis");
builder.AddApiConventions();
builder.Services.AddSingleton<IRunDispatcher, LoggingRunDispatcher>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapMapsApi();
app.MapRunsApi();
app.MapEventsApi();
app.MapBugsApi();
app.MapMetricsApi();

app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
