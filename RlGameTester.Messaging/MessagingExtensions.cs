using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection name of Redis in configuration and in the AppHost.</summary>
    public const string ConnectionName = "redis";

    /// <summary>Redis (with Aspire's health check and tracing), the job queue and the run channels.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ConnectionName);
        builder.Services.AddOptions<JobQueueOptions>().BindConfiguration(JobQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RedisJobQueue>();
        builder.Services.TryAddSingleton<RunChannels>();
        return builder;
    }

    /// <summary>Handles <typeparamref name="TJob"/> with <typeparamref name="THandler"/> in this service (consuming the job's queue).</summary>
    public static IHostApplicationBuilder AddJobHandler<TJob, THandler>(this IHostApplicationBuilder builder)
        where TJob : class, IJob<TJob>
        where THandler : class, IJobHandler<TJob>
    {
        builder.Services.AddJobHandler<TJob, THandler>();
        return builder;
    }

    /// <summary>
    /// Handles <typeparamref name="TJob"/> with <typeparamref name="THandler"/> (scoped: one per job) and consumes the job's
    /// queue. A second handler for the same job type is refused: a job is handled once.
    /// </summary>
    public static IServiceCollection AddJobHandler<TJob, THandler>(this IServiceCollection services)
        where TJob : class, IJob<TJob>
        where THandler : class, IJobHandler<TJob>
    {
        if (services.Any(d => d.ImplementationInstance is JobRoute route && route.Queue == TJob.Queue && route.Type == TJob.Type))
        {
            throw new InvalidOperationException($"'{TJob.Type}' jobs on the {TJob.Queue} queue already have a handler.");
        }

        // One handler type may take several job types (a run played or imported ends the same way).
        services.TryAddScoped<THandler>();
        services.AddSingleton<JobRoute>(new JobRoute<TJob, THandler>());
        if (!services.Any(d => d.ServiceType == typeof(JobConsumerService)))
        {
            // One consumer service per process serves every queue its handlers' jobs go on.
            services.AddSingleton<JobConsumerService>();
            services.AddHostedService(sp => sp.GetRequiredService<JobConsumerService>());
        }

        return services;
    }
}
