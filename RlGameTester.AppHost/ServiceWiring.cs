using RlGameTester.AppHost.Infrastructure;

namespace RlGameTester.AppHost;

internal static class ServiceWiring
{
    /// <summary>Each service gets all three connection strings and starts once their servers are healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithBackingServices(this IResourceBuilder<ProjectResource> service, BackingServices backing)
    {
        service.WithReference(backing.Database).WithReference(backing.Redis).WithReference(backing.Blobs);
        foreach (var server in backing.Servers)
        {
            service.WaitFor(server);
        }

        return service;
    }
}
