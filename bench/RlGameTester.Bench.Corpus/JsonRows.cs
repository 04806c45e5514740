using System.Text.Json;

namespace RlGameTester.Bench.Corpus;

/// <summary>Writes the rows as a JSON array, one object per level, for comparing runs by machine.</summary>
internal static class JsonRows
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(string path, IReadOnlyList<LevelMeasurement> rows)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, rows, Options);
    }
}
