using System.Text.Json.Serialization;

namespace RlGameTester.Data.Reports;

/// <summary>Who wrote a report: the configured LLM, or the templates (no LLM, or the LLM failed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportGenerator>))]
public enum ReportGenerator
{
    [JsonStringEnumMemberName("llm")]
    Llm,

    [JsonStringEnumMemberName("template")]
    Template,
}
