using System.Text.Json;
using System.Text.Json.Serialization;
using RlGameTester.Cli.Checking;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Output;

/// <summary>
/// The report as JSON: the load order, the gate and its outcome, counts, and each level with its play and findings in
/// the Api's finding shape (snake_case names and values, as <c>GET /api/bugs</c> gives them).
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public void Write(CheckReport report, TextWriter output)
    {
        var document = new
        {
            Tool = "rlgt",
            Version = CliVersion.Text,
            report.Wad,
            report.Files,
            FailOn = SnakeCase.Of(report.FailOn),
            report.Failed,
            Counts = Enum.GetValues<BugSeverity>().ToDictionary(SnakeCase.Of, report.Count),
            Levels = report.Levels.Select(level => new
            {
                level.Level,
                level.Iwad,
                level.Milliseconds,
                level.Exploration,
                Findings = level.Findings.Select(f => new
                {
                    f.Level,
                    f.BugType,
                    f.Severity,
                    f.DetectionSource,
                    f.CheckName,
                    f.Title,
                    f.Description,
                    f.Confidence,
                    f.PositionX,
                    f.PositionY,
                    f.ElementKind,
                    f.ElementIndex,
                    f.Evidence,
                    New = f.IsNew,
                    Fails = report.Fails(f),
                }),
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
