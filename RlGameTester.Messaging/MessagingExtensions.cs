using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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

    /// <summary>Consumes <typeparamref name="THandler"/>'s queue in this service.</summary>
    public static IHostApplicationBuilder AddJobHandler<THandler>(this IHostApplicationBuilder builder, string queue)
        where THandler : class, IJobHandler
    {
        builder.Services.AddScoped<THandler>();
        builder.Services.AddSingleton(new JobHandlerRegistration(queue, typeof(THandler)));
        if (!builder.Services.Any(d => d.ServiceType == typeof(JobConsumerService)))
        {
            // One consumer service per process serves every registered queue.
            builder.Services.AddSingleton<JobConsumerService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobConsumerService>());
        }
        return builder;
    }
}
