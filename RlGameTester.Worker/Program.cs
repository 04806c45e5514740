using RlGameTester.Data;
using RlGameTester.Data.Blobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRlgtDatabase();
builder.AddBlobStorage();
builder.AddRedisClient("redis");

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
