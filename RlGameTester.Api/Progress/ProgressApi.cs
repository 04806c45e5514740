using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Domain;
using RlGameTester.Messaging.Runs;
using StackExchange.Redis;

namespace RlGameTester.Api.Progress;

/// <summary>Live progress: the SignalR hub, and server-sent events for clients without SignalR.</summary>
public static class ProgressApi
{
    public static IHostApplicationBuilder AddRunProgress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .AddStackExchangeRedis(
                builder.Configuration.GetConnectionString("redis") ?? "",
                // Installations sharing one Redis (Queue:KeyPrefix) keep their hub groups apart too.
                options => options.Configuration.ChannelPrefix = RedisChannel.Literal($"{builder.Configuration["Queue:KeyPrefix"]}rlgt-signalr"));
        builder.Services.AddHostedService<ProgressRelay>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRunProgress(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<RunsHub>(SecuritySetup.HubPath).ForRole(Roles.Reader);
        routes.MapGet("/api/runs/{id:long}/progress", StreamProgress).WithName("StreamRunProgress").WithTags("Runs").CanBeMissing()
            .WithSummary("Follow a run's progress (server-sent events)")
            .WithDescription("The run's progress as server-sent events until it ends (also on SignalR /hubs/runs). Details: docs/api.md.");
        return routes;
    }

    internal static async Task<Results<ServerSentEventsResult<RunProgress>, ProblemHttpResult, ValidationProblem>> StreamProgress(
        long id, RlgtDbContext db, RunChannels channels, IConnectionMultiplexer redis, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("run", id);
        }

        // Subscribe before reading the current state, so no update falls between the two. A message queue, not a
        // handler: StackExchange.Redis may run handlers concurrently, and a run's last update ends the stream, so one
        // overtaking the update before it would drop that update.
        var updates = Channel.CreateUnbounded<RunProgress>();
        var queue = await redis.GetSubscriber().SubscribeAsync(RunChannels.ProgressChannel(id));
        queue.OnMessage(message =>
        {
            if (RunChannels.Parse(message.Message.ToString()) is { } progress)
            {
                updates.Writer.TryWrite(progress);
            }
        });

        var current = await channels.GetProgressAsync(id)
            ?? new RunProgress { RunId = id, Status = SnakeCase.Of(run.Status), UpdatedAt = clock.GetUtcNow() };
        return TypedResults.ServerSentEvents(Follow(current, updates.Reader, () => queue.UnsubscribeAsync(), cancellationToken), "progress");
    }

    private static async IAsyncEnumerable<RunProgress> Follow(
        RunProgress current, ChannelReader<RunProgress> updates, Func<Task> unsubscribe, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            yield return current;
            if (current.IsFinal)
            {
                yield break;
            }

            await foreach (var progress in updates.ReadAllAsync(cancellationToken))
            {
                yield return progress;
                if (progress.IsFinal)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await unsubscribe();
        }
    }
}
