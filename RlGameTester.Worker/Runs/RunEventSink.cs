using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.Data.Events;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;
using RlGameTester.Worker.Agents;

namespace RlGameTester.Worker.Runs;

/// <summary>
/// Where a playing agent's events go: batched into PostgreSQL with binary COPY while it plays, each batch
/// in a transaction that first checks this worker still owns the run (its attempt number is the run's
/// current one), and summarised as live progress after each batch.
/// </summary>
internal sealed class RunEventSink(
    RlgtDbContext db,
    EventBulkWriter writer,
    RunChannels channels,
    long runId,
    int attempt,
    WorkerOptions options,
    TimeProvider clock) : IAgentSink
{
    private static readonly Meter Meter = new("RlGameTester.Worker");
    private static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("rlgt.events.ingested", "{event}", "Telemetry events the Worker stored.");

    private readonly List<TelemetryEvent> _batch = new(options.BatchSize);
    private long _lastFlush = clock.GetTimestamp();

    public long Written { get; private set; }

    public int? Episode { get; private set; }

    public int Episodes { get; private set; }

    public int? Iteration { get; private set; }

    public int Kills { get; private set; }

    public int Deaths { get; private set; }

    public int? Health { get; private set; }

    public async ValueTask EmitAsync(TelemetryEvent telemetryEvent, CancellationToken cancellationToken)
    {
        Track(telemetryEvent);
        _batch.Add(telemetryEvent);
        if (_batch.Count >= options.BatchSize || clock.GetElapsedTime(_lastFlush) >= options.FlushInterval)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes what is buffered. Throws <see cref="JobAbandonedException"/> when another worker has taken the run over.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        _lastFlush = clock.GetTimestamp();
        if (_batch.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // FOR SHARE holds off a takeover's attempt increment until this batch is in.
        var current = await db.Database
            .SqlQuery<int>($"SELECT attempt AS \"Value\" FROM runs WHERE id = {runId} FOR SHARE")
            .ToListAsync(cancellationToken);
        ThrowUnlessOwner(current);
        Written += (long)await writer.WriteAsync(db, runId, _batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        EventsIngested.Add(_batch.Count);
        _batch.Clear();
        await channels.PublishProgressAsync(Progress("running", null));
    }

    /// <summary>
    /// Throws <see cref="JobAbandonedException"/> when another worker has taken the run over (or it was deleted): for
    /// what this attempt writes outside the database, which a transaction cannot fence.
    /// </summary>
    public async Task EnsureOwnerAsync(CancellationToken cancellationToken) => ThrowUnlessOwner(await db.Database
        .SqlQuery<int>($"SELECT attempt AS \"Value\" FROM runs WHERE id = {runId}")
        .ToListAsync(cancellationToken));

    public RunProgress Progress(string status, string? message) => new()
    {
        RunId = runId,
        Status = status,
        Episode = Episode,
        Iteration = Iteration,
        Kills = Kills,
        Deaths = Deaths,
        Health = Health,
        Events = Written,
        Message = message,
        UpdatedAt = clock.GetUtcNow(),
    };

    private void ThrowUnlessOwner(List<int> current)
    {
        if (current.Count == 0 || current[0] != attempt)
        {
            throw new JobAbandonedException($"Run {runId} is now attempt {(current.Count == 0 ? "(deleted)" : current[0])}, not {attempt}: another worker owns it.");
        }
    }

    private void Track(TelemetryEvent e)
    {
        Episode = e.Episode ?? Episode;
        Iteration = e.Iteration ?? Iteration;
        switch (e.Type)
        {
            case EventType.EpisodeEnd:
                Episodes++;
                break;
            case EventType.Kill:
                Kills++;
                break;
            case EventType.Death:
                Deaths++;
                break;
            case EventType.HealthChange when PayloadReader.Number(e.DataJson, "new") is { } health:
                Health = (int)health;
                break;
        }
    }
}
