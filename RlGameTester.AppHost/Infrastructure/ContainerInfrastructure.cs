namespace RlGameTester.AppHost.Infrastructure;

internal static class ContainerInfrastructure
{
    // The Azurite image tag is pinned so a restart never silently changes the storage emulator.
    private const string AzuriteImage = "azure-storage/azurite";
    private const string AzuriteTag = "3.35.0";

    /// <summary>Aspire's own PostgreSQL and Redis resources and an Azurite container, each with a data volume.</summary>
    public static BackingServices AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
        var database = postgres.AddDatabase(BackingServices.DatabaseName);

        var redis = builder.AddRedis(BackingServices.RedisName).WithDataVolume();

        var azurite = new AzuriteContainerResource(BackingServices.BlobsName, onThisMachine: builder.ExecutionContext.IsRunMode);
        var blobs = builder.AddResource(azurite)
            .WithImage(AzuriteImage, AzuriteTag)
            .WithImageRegistry("mcr.microsoft.com")
            .WithArgs("azurite-blob", "--blobHost", "0.0.0.0", "--location", "/data", "--skipApiVersionCheck", "--loose")
            .WithEndpoint(targetPort: 10000, name: AzuriteContainerResource.EndpointName, scheme: "http")
            .WithVolume("rlgt-azurite-data", "/data");

        return new BackingServices(database, redis, blobs);
    }
}
