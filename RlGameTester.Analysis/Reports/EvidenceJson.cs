using System.Text.Json.Serialization;

namespace RlGameTester.Analysis.Reports;

/// <summary>The evidence as JSON: what the LLM is sent and what a report's fingerprint is taken over. Nulls are left out to keep prompts short.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportEvidence))]
internal sealed partial class EvidenceJson : JsonSerializerContext;
