using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL, Redis and Azurite run from the machine's own binaries as executable resources, for machines
/// without a container runtime. Data lives in a git-ignored folder (<c>.data/</c> at the repository root
/// unless <c>Infrastructure:Local:DataDirectory</c> says otherwise) and survives restarts.
/// </summary>
internal static class LocalInfrastructure
{
    public static BackingServices AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var settings = LocalSettings.From(builder);
        Directory.CreateDirectory(settings.DataDirectory);

        var postgresSetup = new LocalPostgresSetup(settings);
        var password = postgresSetup.EnsurePassword();

        var postgres = builder.AddResource(new LocalServerResource(
                "postgres",
                LocalPostgresSetup.Command,
                settings.DataDirectory,
                endpoint => ReferenceExpression.Create(
                    $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password}")))
            .WithEndpoint(name: LocalServerResource.EndpointName, scheme: "tcp");
        postgres.WithArgs(context => postgresSetup.AddArguments(context.Args, postgres.Resource.Endpoint))
            .WithServerHealthCheck(postgresSetup.ProbeAsync);

        // initdb runs before the orchestrator starts anything; it is a no-op once the cluster exists.
        builder.Eventing.Subscribe<BeforeStartEvent>((_, cancellationToken) => postgresSetup.EnsureClusterAsync(password, cancellationToken));

        var database = builder.AddConnectionString(
            BackingServices.DatabaseName,
            ReferenceExpression.Create($"{postgres.Resource.ConnectionStringExpression};Database={BackingServices.DatabaseName}"));

        var redisData = Path.Combine(settings.DataDirectory, "redis");
        Directory.CreateDirectory(redisData);
        var redis = builder.AddResource(new LocalServerResource(
                BackingServices.RedisName,
                settings.RedisServer,
                redisData,
                endpoint => ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}")))
            .WithEndpoint(name: LocalServerResource.EndpointName, scheme: "tcp");
        redis.WithArgs(context =>
            {
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(redis.Resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--dir");
                context.Args.Add(redisData);
                // Append-only persistence: queued jobs and dead letters survive a restart.
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithServerHealthCheck(ServerProbe.Redis);

        var blobData = Path.Combine(settings.DataDirectory, "azurite");
        Directory.CreateDirectory(blobData);
        var blobs = builder.AddResource(new LocalServerResource(
                BackingServices.BlobsName,
                settings.Azurite,
                blobData,
                endpoint => AzuriteConnectionString.For(endpoint, onThisMachine: true)))
            .WithEndpoint(name: LocalServerResource.EndpointName, scheme: "http");
        blobs.WithArgs(context =>
            {
                context.Args.Add("--blobHost");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--blobPort");
                context.Args.Add(blobs.Resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--location");
                context.Args.Add(blobData);
                context.Args.Add("--skipApiVersionCheck");
                context.Args.Add("--loose");
            })
            .WithServerHealthCheck(ServerProbe.Blobs);

        return new BackingServices(database, redis, blobs) { Servers = [postgres, redis, blobs] };
    }

    private static IResourceBuilder<LocalServerResource> WithServerHealthCheck(
        this IResourceBuilder<LocalServerResource> server,
        Func<string, CancellationToken, Task> probe)
    {
        var key = $"{server.Resource.Name}-answers";
        server.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                key,
                _ => new ServerHealthCheck(server.Resource, probe),
                failureStatus: null,
                tags: null));
        return server.WithHealthCheck(key);
    }
}
