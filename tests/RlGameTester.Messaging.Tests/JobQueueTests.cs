using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;
using StackExchange.Redis;

namespace RlGameTester.Messaging.Tests;

/// <summary>The Redis Streams job queue against a real Redis: delivery, takeover, heartbeats, retries, dead letters.</summary>
public sealed class JobQueueTests : IAsyncLifetime
{
    private const string Queue = "test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ConnectionMultiplexer? _redis;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.RedisFor(3, "queue-tests"));

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task EachJobGoesToOneConsumerAndAnAcknowledgedJobIsGone()
    {
        var queue = NewQueue(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            await queue.EnqueueAsync(Queue, "job", $"{{\"n\":{i}}}", Token);
        }

        var taken = new List<JobLease>();
        for (var i = 0; i < 20; i++)
        {
            var lease = await queue.TakeAsync(Queue, i % 2 == 0 ? "a" : "b", Token);
            taken.Add(Assert.IsType<JobLease>(lease));
        }

        Assert.Null(await queue.TakeAsync(Queue, "a", Token));
        Assert.Equal(20, taken.Select(l => l.Payload).Distinct().Count());
        Assert.All(taken, l => Assert.Equal(1, l.Attempt));
        foreach (var lease in taken)
        {
            await queue.AcknowledgeAsync(lease);
        }

        Assert.Equal(0, await queue.LengthAsync(Queue));
    }

    [Fact]
    public async Task AJobWhoseConsumerStopsRespondingIsTakenOverAfterTheVisibilityTimeout()
    {
        var queue = NewQueue(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync(Queue, "job", "{}", Token);
        var first = await queue.TakeAsync(Queue, "dead-worker", Token);
        Assert.NotNull(first);

        Assert.Null(await queue.TakeAsync(Queue, "live-worker", Token));
        await Task.Delay(TimeSpan.FromMilliseconds(1300), Token);
        var second = await queue.TakeAsync(Queue, "live-worker", Token);

        Assert.NotNull(second);
        Assert.Equal(first!.EntryId, second!.EntryId);
        Assert.Equal(2, second.Attempt);
    }

    [Fact]
    public async Task AHeartbeatedJobIsNotTakenOver()
    {
        // Heartbeats every 300 ms for 3 s, past the 2 s timeout; a busy machine may stall a beat well over a second.
        var queue = NewQueue(TimeSpan.FromSeconds(2));
        await queue.EnqueueAsync(Queue, "job", "{}", Token);
        var lease = await queue.TakeAsync(Queue, "busy-worker", Token);
        Assert.NotNull(lease);

        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), Token);
            await queue.HeartbeatAsync(lease!, "busy-worker");
            Assert.Null(await queue.TakeAsync(Queue, "other-worker", Token));
        }
    }

    [Fact]
    public async Task AJobThatKeepsFailingIsRetriedThenDeadLetteredWithItsError()
    {
        var queue = NewQueue(TimeSpan.FromSeconds(30), maxAttempts: 3);
        var handler = new FailingHandler();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Critical))
            .AddSingleton(queue)
            .AddSingleton(handler)
            .AddSingleton(new JobHandlerRegistration(Queue, typeof(FailingHandler)))
            .AddSingleton<JobConsumerService>()
            .BuildServiceProvider();
        var consumer = services.GetRequiredService<JobConsumerService>();
        await queue.EnqueueAsync(Queue, "job", "{\"run_id\":7}", Token);

        await consumer.StartAsync(Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (handler.DeadLettered.IsEmpty)
        {
            Assert.True(clock.Elapsed < Patience, "the job was never dead-lettered");
            await Task.Delay(50, Token);
        }

        await consumer.StopAsync(Token);

        Assert.Equal([1, 2, 3], handler.Attempts.Order());
        var dead = Assert.Single(await queue.DeadLettersAsync(Queue));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("{\"run_id\":7}", dead.Payload);
        Assert.Contains("the level exploded", dead.Error);
        Assert.Single(handler.DeadLettered);
        Assert.Equal(0, await queue.LengthAsync(Queue));
    }

    [Fact]
    public async Task AJobPastItsAttemptsIsDeadLetteredInsteadOfHandedOutAgain()
    {
        var queue = NewQueue(TimeSpan.FromMilliseconds(200), maxAttempts: 2);
        await queue.EnqueueAsync(Queue, "job", "{}", Token);
        Assert.NotNull(await queue.TakeAsync(Queue, "crashing-worker-1", Token));
        await Task.Delay(300, Token);
        Assert.NotNull(await queue.TakeAsync(Queue, "crashing-worker-2", Token));
        await Task.Delay(300, Token);

        Assert.Null(await queue.TakeAsync(Queue, "crashing-worker-3", Token));
        var dead = Assert.Single(await queue.DeadLettersAsync(Queue));
        Assert.Equal(3, dead.Attempts);
    }

    private RedisJobQueue NewQueue(TimeSpan visibility, int maxAttempts = 3) =>
        new(_redis!, Options.Create(new JobQueueOptions
        {
            VisibilityTimeout = visibility,
            MaxAttempts = maxAttempts,
            PollInterval = TimeSpan.FromMilliseconds(20),
            KeyPrefix = $"t{Guid.NewGuid():N}:",
        }), TimeProvider.System);

    private sealed class FailingHandler : IJobHandler
    {
        public ConcurrentQueue<int> Attempts { get; } = new();

        public ConcurrentQueue<string> DeadLettered { get; } = new();

        public string Queue => JobQueueTests.Queue;

        public Task HandleAsync(JobLease lease, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(lease.Attempt);
            throw new InvalidOperationException("the level exploded");
        }

        public Task OnDeadLetteredAsync(JobLease lease, string error, CancellationToken cancellationToken)
        {
            DeadLettered.Enqueue(error);
            return Task.CompletedTask;
        }
    }
}
