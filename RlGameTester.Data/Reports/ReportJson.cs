using System.Text.Json.Serialization;

namespace RlGameTester.Data.Reports;

/// <summary>Source-generated JSON for stored reports: snake_case, like the REST API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(ReportDocument))]
public sealed partial class ReportJson : JsonSerializerContext;
