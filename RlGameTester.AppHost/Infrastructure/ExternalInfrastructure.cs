using Microsoft.Extensions.Configuration;

namespace RlGameTester.AppHost.Infrastructure;

internal static class ExternalInfrastructure
{
    /// <summary>
    /// Servers run elsewhere: their connection strings come from configuration
    /// (<c>ConnectionStrings__rlgt</c>, <c>ConnectionStrings__redis</c>, <c>ConnectionStrings__blobs</c>).
    /// </summary>
    public static BackingServices AddExternalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        foreach (var name in new[] { BackingServices.DatabaseName, BackingServices.RedisName, BackingServices.BlobsName })
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            {
                throw new InvalidOperationException(
                    $"Infrastructure:Mode is external but ConnectionStrings:{name} is not set (environment variable ConnectionStrings__{name}).");
            }
        }

        return new BackingServices(
            builder.AddConnectionString(BackingServices.DatabaseName),
            builder.AddConnectionString(BackingServices.RedisName),
            builder.AddConnectionString(BackingServices.BlobsName));
    }
}
