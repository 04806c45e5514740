using System.Text.Json.Serialization;

namespace RlGameTester.Data.Reports;

/// <summary>What a report is about: one run, or a level across its static checks and runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportSubject>))]
public enum ReportSubject
{
    [JsonStringEnumMemberName("run")]
    Run,

    [JsonStringEnumMemberName("map")]
    Map,
}
