using System.Text.Json.Serialization;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Messaging;

/// <summary>Source-generated JSON for everything that crosses Redis: snake_case, like the REST API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunJob))]
[JsonSerializable(typeof(AnalysisJob))]
[JsonSerializable(typeof(RunProgress))]
public sealed partial class MessagingJson : JsonSerializerContext;
