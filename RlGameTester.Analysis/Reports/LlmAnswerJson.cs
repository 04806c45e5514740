using System.Text.Json.Serialization;

namespace RlGameTester.Analysis.Reports;

/// <summary>Reads the LLM's answer: snake_case as asked, forgiving about case and numbers sent as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(LlmAnswer))]
internal sealed partial class LlmAnswerJson : JsonSerializerContext;
