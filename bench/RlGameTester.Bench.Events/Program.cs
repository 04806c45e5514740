// Bulk telemetry ingestion: the project's path (EventBulkWriter, binary COPY, 50,000 events per
// transaction as POST /api/events/bulk takes them) against psql's \copy of the same rows into the same
// table, in one run. Usage: RlGameTester.Bench.Events <connection string> [events] [rounds]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RlGameTester.Data;
using RlGameTester.Data.Events;
using RlGameTester.Domain;
using RlGameTester.Domain.Events;

var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("usage: <connection string> [events] [rounds]");
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const int batch = 50_000;

var options = new DbContextOptionsBuilder<RlgtDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
await using (var db = new RlgtDbContext(options))
{
    await db.Database.MigrateAsync();
}

var runId = await CreateRunAsync(connectionString);
var events = Generate(count);
var csv = Path.Combine(Path.GetTempPath(), $"rlgt-bench-events-{Guid.NewGuid():N}.csv");
await WriteCsvAsync(csv, runId, events);
Console.WriteLine($"events={count} batch={batch} rounds={rounds} csv_mb={new FileInfo(csv).Length / 1e6:F1}");

var project = new List<double>();
var psql = new List<double>();
using var writer = new EventBulkWriter();
for (var round = 1; round <= rounds; round++)
{
    await TruncateAsync(connectionString);
    project.Add(await TimeProjectAsync(connectionString, writer, runId, events));
    await TruncateAsync(connectionString);
    psql.Add(TimePsql(connectionString, csv));
    Console.WriteLine($"round {round}: project {count / project[^1]:N0} events/s, psql \\copy {count / psql[^1]:N0} events/s");
}

File.Delete(csv);
var bestProject = count / project.Min();
var bestPsql = count / psql.Min();
Console.WriteLine($"project bulk path: {bestProject:N0} events/s (best of {rounds})");
Console.WriteLine($"psql \\copy:        {bestPsql:N0} events/s (best of {rounds})");
Console.WriteLine($"ratio: {bestProject / bestPsql:F2} (target >= 0.60)");

static List<TelemetryEvent> Generate(int count)
{
    var start = new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);
    var random = new Random(42);
    var list = new List<TelemetryEvent>(count);
    for (var i = 0; i < count; i++)
    {
        var tick = i * 4;
        var episode = 1 + (i / 20_000);
        list.Add((i % 20) switch
        {
            0 => new TelemetryEvent(i, EventType.HealthChange, start.AddMilliseconds(tick * 28.57), episode, tick, null,
                $"{{\"old\":{100 - (i % 7)},\"new\":{90 - (i % 7)}}}", Encoding.UTF8.GetBytes($"INFO [4242] - 11/25/26 16:00:00 - 0:00:00 - Lost health ({100 - (i % 7)} -> {90 - (i % 7)})")),
            1 => new TelemetryEvent(i, EventType.Kill, start.AddMilliseconds(tick * 28.57), episode, tick, null, null, "INFO [4242] - 11/25/26 16:00:00 - 0:00:00 - Kill"u8.ToArray()),
            _ => new TelemetryEvent(i, EventType.Position, start.AddMilliseconds(tick * 28.57), episode, tick, null,
                FormattableString.Invariant($"{{\"x\":{random.Next(-4096, 4096)},\"y\":{random.Next(-4096, 4096)},\"angle\":{random.Next(360)}}}")),
        });
    }

    return list;
}

static async Task<long> CreateRunAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        """
        INSERT INTO maps (name, created_at, updated_at) VALUES ('bench', now(), now());
        INSERT INTO runs (map_id, run_type, status, agent, created_at, attempt)
            VALUES (currval(pg_get_serial_sequence('maps', 'id')), 'testing', 'running', 'explorer', now(), 0) RETURNING id;
        """, connection);
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task WriteCsvAsync(string path, long runId, List<TelemetryEvent> events)
{
    await using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    foreach (var e in events)
    {
        await file.WriteLineAsync(string.Join(',',
            runId.ToString(CultureInfo.InvariantCulture),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            SnakeCase.Of(e.Type),
            e.Timestamp.ToString("O", CultureInfo.InvariantCulture),
            "",
            e.Episode?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Tick?.ToString(CultureInfo.InvariantCulture) ?? "",
            Quote(e.DataJson),
            Quote(e.RawText)));
    }

    static string Quote(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

static async Task TruncateAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    foreach (var sql in new[] { "TRUNCATE events", "VACUUM ANALYZE events", "CHECKPOINT" })
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

static async Task<double> TimeProjectAsync(string connectionString, EventBulkWriter writer, long runId, List<TelemetryEvent> events)
{
    var clock = Stopwatch.StartNew();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    for (var offset = 0; offset < events.Count; offset += batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await writer.WriteAsync(connection, runId, events.Skip(offset).Take(batch), CancellationToken.None);
        await transaction.CommitAsync();
    }

    return clock.Elapsed.TotalSeconds;
}

static double TimePsql(string connectionString, string csv)
{
    var builder = new NpgsqlConnectionStringBuilder(connectionString);
    var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[]
    {
        "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!,
        "-v", "ON_ERROR_STOP=1",
        "-c", $"\\copy events (run_id, seq, event_type, timestamp, iteration, episode, frame, data, raw_log) FROM '{csv}' WITH (FORMAT csv)",
    })
    {
        info.ArgumentList.Add(argument);
    }

    info.Environment["PGPASSWORD"] = builder.Password;
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    var seconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql failed: {error}");
    }

    return seconds;
}
