using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RlGameTester.Data.Blobs;

public static class BlobStorageExtensions
{
    /// <summary>The connection name of blob storage in configuration and in the AppHost.</summary>
    public const string ConnectionName = "blobs";

    /// <summary>
    /// Blob storage (Azure Blob API: Azurite locally, Azure Storage in production) from the connection string
    /// <c>blobs</c>, the <see cref="BlobStore"/> over it, and a health check that lists containers.
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not configured: give an Azure Storage connection string (Azurite's works locally).");
        }

        builder.Services.AddAzureClients(clients => clients.AddBlobServiceClient(connectionString));
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>(ConnectionName);
        return builder;
    }
}
