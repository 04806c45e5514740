var builder = DistributedApplication.CreateBuilder(args);
builder.AddProject<Projects.RlGameTester_Api>("api");
builder.Build().Run();
