namespace RlGameTester.Cli.Checking;

/// <summary>What checking one level gave.</summary>
/// <param name="Level">Its name (MAP01, E1M1).</param>
/// <param name="Iwad">The IWAD its resources were resolved with (a file name), or null.</param>
/// <param name="Findings">Most severe first.</param>
/// <param name="Exploration">The explorer's play when --explore was given and the level could be read.</param>
/// <param name="Milliseconds">Wall time spent on the level.</param>
internal sealed record LevelOutcome(string Level, string? Iwad, IReadOnlyList<CliFinding> Findings, ExplorationSummary? Exploration, double Milliseconds);

/// <summary>The explorer's play of a level, in brief.</summary>
/// <param name="ExitReached">It reached an exit on a path the trajectory validator upheld.</param>
/// <param name="Stopped">Why it stopped without the exit (the exit finding's title), or null.</param>
/// <param name="TimedOut">It was stopped by --explore-timeout.</param>
/// <param name="CoverageVisited">Share of the reachable area it walked.</param>
internal sealed record ExplorationSummary(bool ExitReached, string? Stopped, bool TimedOut, double CoverageVisited);
