using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Messaging;
using RlGameTester.Worker.Agents.Arnold;
using RlGameTester.Worker.Agents.Explorer;
using RlGameTester.Worker.Runs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddMessaging();
builder.AddExplorerAgent();
builder.AddArnoldAgent();
builder.AddRunPlaying();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
