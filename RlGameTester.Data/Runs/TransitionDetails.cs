namespace RlGameTester.Data.Runs;

/// <summary>What a completion or failure records beside the new state.</summary>
public sealed record TransitionDetails(
    int? TotalEpisodes = null,
    int? TotalIterations = null,
    string? LogPath = null,
    string? ErrorMessage = null);
