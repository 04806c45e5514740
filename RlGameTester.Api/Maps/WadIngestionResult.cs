using RlGameTester.Data.Maps;

namespace RlGameTester.Api.Maps;

/// <summary>The maps of an ingested file: created now, or found from an earlier upload; or why the file was refused.</summary>
internal sealed record WadIngestionResult(IReadOnlyList<Map> Maps, bool Created, string? Rejection);
