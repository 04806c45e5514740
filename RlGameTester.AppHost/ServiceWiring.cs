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

    /// <summary>
    /// Services listen on plain HTTP (their launch profiles have no https endpoint; Azure's ingress terminates TLS), so
    /// none is handed the development certificate: with one, Aspire warns on every machine without a trusted
    /// certificate and the dashboard opens with a red "no trusted development certificate" banner.
    /// </summary>
    public static IResourceBuilder<ProjectResource> ServingPlainHttp(this IResourceBuilder<ProjectResource> service)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Evaluation API: the one way to opt a project out of the certificate.
        return service.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
