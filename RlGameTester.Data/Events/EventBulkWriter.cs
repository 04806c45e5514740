using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RlGameTester.Domain;
using RlGameTester.Domain.Events;

namespace RlGameTester.Data.Events;

/// <summary>
/// Stores telemetry with PostgreSQL's binary COPY: the fastest way into a table, and one statement per
/// batch, so a batch is all or nothing inside the caller's transaction.
/// </summary>
public sealed class EventBulkWriter : IDisposable
{
    private const string CopyCommand =
        "COPY events (run_id, seq, event_type, timestamp, iteration, episode, frame, data, raw_log) FROM STDIN (FORMAT BINARY)";

    private readonly Meter _meter = new("RlGameTester.Data");
    private readonly Counter<long> _eventsWritten;

    public EventBulkWriter()
    {
        _eventsWritten = _meter.CreateCounter<long>("rlgt.events.written", unit: "{event}", description: "Telemetry events stored with binary COPY.");
    }

    /// <summary>
    /// Writes <paramref name="events"/> for <paramref name="runId"/> on the context's connection (and in its
    /// current transaction, if any). Returns the number of rows written.
    /// </summary>
    /// <param name="recordSequence">False for events without an agent stream position (posted by hand): their seq stays null.</param>
    public async Task<ulong> WriteAsync(RlgtDbContext db, long runId, IEnumerable<TelemetryEvent> events, CancellationToken cancellationToken, bool recordSequence = true)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            return await WriteAsync(connection, runId, events, cancellationToken, recordSequence);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Writes on an open connection: for callers that manage their own (the benchmark, the worker's batcher).</summary>
    public async Task<ulong> WriteAsync(NpgsqlConnection connection, long runId, IEnumerable<TelemetryEvent> events, CancellationToken cancellationToken, bool recordSequence = true)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var e in events)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            if (recordSequence)
            {
                await importer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await importer.WriteAsync(SnakeCase.Of(e.Type), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, e.Iteration, cancellationToken);
            await WriteNullableAsync(importer, e.Episode, cancellationToken);
            await WriteNullableAsync(importer, e.Tick, cancellationToken);
            await WriteTextAsync(importer, e.DataJson, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteUtf8TextAsync(importer, e.RawUtf8, cancellationToken);
        }

        var written = await importer.CompleteAsync(cancellationToken);
        _eventsWritten.Add((long)written);
        return written;
    }

    public void Dispose() => _meter.Dispose();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, int? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    // UTF-8 goes to the server as it is: no string, no encoding on the way.
    private static Task WriteUtf8TextAsync(NpgsqlBinaryImporter importer, ReadOnlyMemory<byte>? value, CancellationToken cancellationToken) =>
        value is { } utf8 ? importer.WriteAsync(utf8, NpgsqlDbType.Text, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
