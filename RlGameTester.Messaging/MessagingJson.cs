using System.Text.Json.Serialization;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Messaging;

/// <summary>Source-generated JSON for everything that crosses Redis: snake_case, like the REST API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlayRun))]
[JsonSerializable(typeof(ImportRunLog))]
[JsonSerializable(typeof(AnalyseRun))]
[JsonSerializable(typeof(AnalyseFrames))]
[JsonSerializable(typeof(CheckWad))]
[JsonSerializable(typeof(WriteRunReport))]
[JsonSerializable(typeof(WriteMapReport))]
[JsonSerializable(typeof(RunProgress))]
public sealed partial class MessagingJson : JsonSerializerContext;
