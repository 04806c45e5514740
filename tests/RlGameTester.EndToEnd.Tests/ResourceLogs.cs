using System.Collections.Concurrent;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>Keeps the last lines each resource wrote, to explain a resource that failed to start.</summary>
internal sealed class ResourceLogs
{
    private const int KeptLines = 60;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new();

    public static ResourceLogs Collect(DistributedApplication app, IEnumerable<string> resources)
    {
        var logs = new ResourceLogs();
        var service = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in resources)
        {
            var queue = logs._lines.GetOrAdd(resource, _ => new ConcurrentQueue<string>());
            _ = Task.Run(async () =>
            {
                await foreach (var batch in service.WatchAsync(resource))
                {
                    foreach (var line in batch)
                    {
                        queue.Enqueue(line.Content);
                        while (queue.Count > KeptLines && queue.TryDequeue(out _))
                        {
                        }
                    }
                }
            });
        }

        return logs;
    }

    public string Dump()
    {
        var text = new StringBuilder();
        foreach (var (resource, lines) in _lines.OrderBy(pair => pair.Key))
        {
            text.AppendLine($"--- {resource} ---");
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }
}
