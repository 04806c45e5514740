using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>Run the static checks on every level of an uploaded file (the Analysis service).</summary>
/// <param name="FileHash">The SHA-256 of the file, whose maps get the findings.</param>
/// <param name="LoadHash">The load order the maps were uploaded with (empty: the default); jobs queued before load orders existed have none.</param>
public sealed record CheckWad(string FileHash, string LoadHash = "") : IJob<CheckWad>
{
    public static string Queue => Queues.Analysis;

    public static string Type => "check_wad";

    public static JsonTypeInfo<CheckWad> Json => MessagingJson.Default.CheckWad;
}
