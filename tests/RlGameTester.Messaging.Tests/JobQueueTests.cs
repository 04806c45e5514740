using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RlGameTester.Messaging.Jobs;
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
            await queue.EnqueueAsync(new TestJob(i), Token);
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
        await queue.EnqueueAsync(new TestJob(0), Token);
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
        await queue.EnqueueAsync(new TestJob(0), Token);
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
        await using var services = Consumers(queue, handler);
        var consumer = services.GetRequiredService<JobConsumerService>();
        await queue.EnqueueAsync(new TestJob(7), Token);

        await consumer.StartAsync(Token);
        await WaitAsync(() => !handler.DeadLettered.IsEmpty, "the job was never dead-lettered");

        await consumer.StopAsync(Token);

        Assert.Equal([1, 2, 3], handler.Attempts.Order());
        var dead = Assert.Single(await queue.DeadLettersAsync(Queue));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("{\"n\":7}", dead.Payload);
        Assert.Equal(TestJob.Type, dead.Type);
        Assert.Contains("the level exploded", dead.Error);
        Assert.Equal((new TestJob(7), dead.Error), Assert.Single(handler.DeadLettered));
        Assert.Equal(0, await queue.LengthAsync(Queue));
    }

    [Fact]
    public async Task AConsumerGoesOnAfterAnIterationThrowsWhatTheQueueDoesNotExpect()
    {
        // The dead-letter hook throws, out of the job's own handling: the consumer must still take the next job (it used to
        // end its loop, which stops a host, as a Redis client's pipe error under load did to the Worker in a test run).
        var queue = NewQueue(TimeSpan.FromSeconds(30), maxAttempts: 1);
        var failing = new FailingHandler { HookThrows = true };
        var recording = new RecordingHandler();
        await using var services = Consumers(queue, failing, recording);
        var consumer = services.GetRequiredService<JobConsumerService>();
        await queue.EnqueueAsync(new TestJob(1), Token);

        await consumer.StartAsync(Token);
        await WaitAsync(() => !failing.DeadLettered.IsEmpty, "the job was never dead-lettered");
        await queue.EnqueueAsync(new OtherJob("after"), Token);
        await WaitAsync(() => !recording.Handled.IsEmpty, "the consumer took no job after the exception");
        await consumer.StopAsync(Token);

        Assert.Equal(new OtherJob("after"), Assert.Single(recording.Handled));
        Assert.False(consumer.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task AJobPastItsAttemptsIsDeadLetteredInsteadOfHandedOutAgain()
    {
        var queue = NewQueue(TimeSpan.FromMilliseconds(200), maxAttempts: 2);
        await queue.EnqueueAsync(new TestJob(0), Token);
        Assert.NotNull(await queue.TakeAsync(Queue, "crashing-worker-1", Token));
        await Task.Delay(300, Token);
        Assert.NotNull(await queue.TakeAsync(Queue, "crashing-worker-2", Token));
        await Task.Delay(300, Token);

        Assert.Null(await queue.TakeAsync(Queue, "crashing-worker-3", Token));
        var dead = Assert.Single(await queue.DeadLettersAsync(Queue));
        Assert.Equal(3, dead.Attempts);
    }

    [Fact]
    public async Task EachJobTypeGoesToItsOwnHandlerAndATypeNoHandlerTakesIsDeadLetteredAtOnceSayingSo()
    {
        // Three attempts allowed, but no retry can give the job a handler: it is dead-lettered on its first.
        var queue = NewQueue(TimeSpan.FromSeconds(30), maxAttempts: 3);
        var failing = new FailingHandler();
        var recording = new RecordingHandler();
        await using var services = Consumers(queue, failing, recording);
        var consumer = services.GetRequiredService<JobConsumerService>();
        await queue.EnqueueAsync(new OtherJob("first"), Token);
        await queue.EnqueueAsync(new UnhandledJob(3), Token);
        await queue.EnqueueAsync(new OtherJob("second"), Token);

        await consumer.StartAsync(Token);
        await WaitAsync(() => recording.Handled.Count == 2, "the handled jobs never arrived");
        await WaitAsync(() => queue.LengthAsync(Queue).Result == 0, "the unhandled job never left the queue");
        await consumer.StopAsync(Token);

        Assert.Equal([new OtherJob("first"), new OtherJob("second")], recording.Handled);
        Assert.Empty(failing.Attempts);
        var dead = Assert.Single(await queue.DeadLettersAsync(Queue));
        Assert.Equal(UnhandledJob.Type, dead.Type);
        Assert.Equal(1, dead.Attempts);
        Assert.Contains("No handler in this service takes 'unhandled_job' jobs from the test queue", dead.Error);
    }

    [Fact]
    public async Task TheDeadLettersOfAQueueAreTrimmedToTheNewest()
    {
        var queue = NewQueue(TimeSpan.FromSeconds(30), maxDeadLetters: 3);
        for (var n = 1; n <= 5; n++)
        {
            await queue.EnqueueAsync(new TestJob(n), Token);
            var lease = (await queue.TakeAsync(Queue, "consumer", Token))!;
            await queue.DeadLetterAsync(lease, $"failure {n}");
        }

        var dead = await queue.DeadLettersAsync(Queue);

        Assert.Equal(["failure 3", "failure 4", "failure 5"], dead.Select(d => d.Error));
    }

    [Fact]
    public void ASecondHandlerForOneJobTypeIsRefused()
    {
        var services = new ServiceCollection().AddJobHandler<TestJob, FailingHandler>();

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddJobHandler<TestJob, FailingHandler>());
        Assert.Contains("'test_job' jobs on the test queue already have a handler", refused.Message);
    }

    [Fact]
    public void AJobIsReadOnlyAsItsOwnTypeAndABadPayloadSaysWhy()
    {
        var lease = new JobLease(Queue, "1-0", TestJob.Type, "{\"n\":5}", 1, null);
        Assert.Equal(new TestJob(5), lease.Read<TestJob>());
        Assert.Null(lease.TryRead<OtherJob>());
        Assert.Contains("is a 'test_job', not a 'other_job'", Assert.Throws<JobCannotSucceedException>(lease.Read<OtherJob>).Message);

        var garbled = lease with { Payload = "{\"n\":" };
        Assert.Null(garbled.TryRead<TestJob>());
        Assert.Contains("is not a readable 'test_job'", Assert.Throws<JobCannotSucceedException>(garbled.Read<TestJob>).Message);
    }

    private RedisJobQueue NewQueue(TimeSpan visibility, int maxAttempts = 3, int maxDeadLetters = 10_000) =>
        new(_redis!, Options.Create(new JobQueueOptions
        {
            VisibilityTimeout = visibility,
            MaxAttempts = maxAttempts,
            MaxDeadLetters = maxDeadLetters,
            PollInterval = TimeSpan.FromMilliseconds(20),
            KeyPrefix = $"t{Guid.NewGuid():N}:",
        }), TimeProvider.System);

    private static ServiceProvider Consumers(RedisJobQueue queue, FailingHandler failing, RecordingHandler? recording = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Critical))
            .AddSingleton(queue)
            .AddSingleton(failing)
            .AddSingleton(recording ?? new RecordingHandler())
            .AddJobHandler<TestJob, FailingHandler>();
        if (recording is not null)
        {
            services.AddJobHandler<OtherJob, RecordingHandler>();
        }

        return services.BuildServiceProvider();
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < Patience, what);
            await Task.Delay(50, Token);
        }
    }

    internal sealed record TestJob(int N) : IJob<TestJob>
    {
        public static string Queue => JobQueueTests.Queue;

        public static string Type => "test_job";

        public static JsonTypeInfo<TestJob> Json => TestJobJson.Default.TestJob;
    }

    internal sealed record OtherJob(string Name) : IJob<OtherJob>
    {
        public static string Queue => JobQueueTests.Queue;

        public static string Type => "other_job";

        public static JsonTypeInfo<OtherJob> Json => TestJobJson.Default.OtherJob;
    }

    internal sealed record UnhandledJob(int N) : IJob<UnhandledJob>
    {
        public static string Queue => JobQueueTests.Queue;

        public static string Type => "unhandled_job";

        public static JsonTypeInfo<UnhandledJob> Json => TestJobJson.Default.UnhandledJob;
    }

    private sealed class FailingHandler : IJobHandler<TestJob>
    {
        public ConcurrentQueue<int> Attempts { get; } = new();

        public ConcurrentQueue<(TestJob Job, string Error)> DeadLettered { get; } = new();

        public Task HandleAsync(TestJob job, JobLease lease, CancellationToken cancellationToken)
        {
            Attempts.Enqueue(lease.Attempt);
            throw new InvalidOperationException("the level exploded");
        }

        public bool HookThrows { get; init; }

        public Task OnDeadLetteredAsync(TestJob job, JobLease lease, string error, CancellationToken cancellationToken)
        {
            DeadLettered.Enqueue((job, error));
            return HookThrows ? throw new InvalidOperationException("the hook exploded") : Task.CompletedTask;
        }
    }

    private sealed class RecordingHandler : IJobHandler<OtherJob>
    {
        public ConcurrentQueue<OtherJob> Handled { get; } = new();

        public Task HandleAsync(OtherJob job, JobLease lease, CancellationToken cancellationToken)
        {
            Handled.Enqueue(job);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The test jobs' JSON, source-generated as the product's is.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobQueueTests.TestJob))]
[JsonSerializable(typeof(JobQueueTests.OtherJob))]
[JsonSerializable(typeof(JobQueueTests.UnhandledJob))]
internal sealed partial class TestJobJson : JsonSerializerContext;
