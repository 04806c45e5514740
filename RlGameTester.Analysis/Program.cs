using RlGameTester.Analysis;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddMessaging();
builder.AddAnalysis();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
