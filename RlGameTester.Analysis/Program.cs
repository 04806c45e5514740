using RlGameTester.Analysis.Runs;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddMessaging();
builder.AddJobHandler<RunAnalysisHandler>(Queues.Analysis);

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
