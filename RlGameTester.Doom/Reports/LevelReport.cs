using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Metadata;

namespace RlGameTester.Doom.Reports;

/// <summary>One level's metadata and findings: what the Api stores for an uploaded level (JSON-friendly).</summary>
public sealed record LevelReport(LevelMetadata Metadata, IReadOnlyList<Finding> Findings);
