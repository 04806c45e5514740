using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RlGameTester.TestSupport;

/// <summary>A logger provider that keeps every entry at or above a level, from any category, for a test to read.</summary>
public sealed class LogCollector(LogLevel minimum) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, this);

    public void Dispose()
    {
    }

    public static string Describe(IEnumerable<(LogLevel Level, string Category, string Message)> entries) =>
        string.Join("\n", entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    private sealed class Collector(string category, LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}
