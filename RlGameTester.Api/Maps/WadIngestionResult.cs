using RlGameTester.Data.Maps;

namespace RlGameTester.Api.Maps;

/// <summary>
/// The maps of an ingested file: created now, or found from an earlier upload; or why the file was refused, and whether
/// for passing a limit (<see cref="OverLimit"/>) rather than for being unreadable.
/// </summary>
internal sealed record WadIngestionResult(IReadOnlyList<Map> Maps, bool Created, string? Rejection, bool OverLimit = false);
