using Microsoft.Extensions.Options;
using RlGameTester.Domain.Agents;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;
using RlGameTester.Worker.Agents.Explorer.Frames;

namespace RlGameTester.Worker.Agents.Explorer;

/// <summary>
/// The built-in agent: plays a level from its geometry alone with the Doom library's <see cref="Doom.Exploration.Explorer"/>
/// (Doom's movement rules, doors, lifts, keys, teleporters, damaging floors; no monsters) and reports it in the
/// telemetry vocabulary every agent speaks, so the same detectors, metrics and reports serve it and Arnold.
/// What it establishes from the geometry (an unreachable exit, a softlock, a death zone...) comes as <c>finding</c> events.
/// </summary>
/// <para>
/// After the play it renders frames along the path into the run folder's <c>frames/</c> (stored and checked like any
/// agent's) and, for a level meant for vanilla, files the views that pass vanilla's renderer limits (<see cref="PathFrames"/>).
/// </para>
internal sealed partial class ExplorerAgent(
    IOptions<ExplorerAgentOptions> options, RenderResources renderResources, TimeProvider timeProvider, ILogger<ExplorerAgent> logger) : IAgent
{
    public const string AgentName = AgentNames.Explorer;

    // A vanilla run that draws no frames still counts the renderer's limits along its path, at this rate (tics).
    private const int LimitCountEvery = 8;
    public string Name => AgentName;

    public async Task<AgentResult> RunAsync(AgentRun run, IAgentSink sink, CancellationToken cancellationToken)
    {
        if (!ExplorerSettings.TryRead(run.Settings.ToJsonString(), out var settings, out var errors))
        {
            return new AgentResult(false, "The run's explorer settings are invalid: "
                + string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")));
        }

        Level level;
        WadFile wad;
        try
        {
            wad = WadFile.Read(await File.ReadAllBytesAsync(run.WadPath, cancellationToken));
            // A map made for a mod plays by the actors its files define (a replaced boss whose death ends the level).
            // Its textures' heights too: floors raised by their shortest lower texture go where they do in play.
            var (actors, textures) = await renderResources.ForPlayAsync(wad, run.MapName, run.Load, cancellationToken);
            level = LevelReader.Read(wad, run.MapName).WithActors(actors).WithTextures(textures);
        }
        catch (WadFormatException e)
        {
            return new AgentResult(false, $"The level {run.MapName} cannot be read: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // A resource WAD of the load order is gone from storage: the level's mod is unknown, so it is not played.
            return new AgentResult(false, $"The level {run.MapName} cannot be loaded with its resource WADs: {e.Message}");
        }

        var explorer = new ExplorerOptions
        {
            Skill = settings.Skill,
            Seed = run.Seed ?? 0,
            TickLimit = settings.TickLimit,
            PositionInterval = settings.PositionInterval,
        };
        LogExploring(logger, run.RunId, level.Name, explorer.Skill, explorer.Seed);
        // The exploration is CPU-bound and synchronous: off the job's thread, cancellable inside, within its wall time.
        var limit = options.Value.WallClockLimit;
        using var wallClock = new CancellationTokenSource(limit, timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wallClock.Token);
        ExplorationResult result;
        var played = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            result = await Task.Run(() => Doom.Exploration.Explorer.Explore(level, new LevelGeometry(level), explorer, stop.Token), stop.Token);
        }
        catch (OperationCanceledException) when (wallClock.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new AgentResult(false, $"The explorer passed its wall-clock limit of {limit} on {level.Name} ({ExplorerAgentOptions.SectionName}:WallClockLimit) and was stopped.");
        }

        LogExplored(logger, run.RunId, level.Name, result.ExitReached, result.EndTick, result.Findings.Count, played.Elapsed.TotalMilliseconds);
        var compatibility = settings.Compatibility ?? run.Load?.Compatibility;
        PathFramesResult? frames;
        try
        {
            frames = await RenderFramesAsync(run, wad, level, settings, compatibility, result, stop.Token);
        }
        catch (OperationCanceledException) when (wallClock.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new AgentResult(false, $"The explorer passed its wall-clock limit of {limit} on {level.Name} ({ExplorerAgentOptions.SectionName}:WallClockLimit) while rendering its frames and was stopped.");
        }
        catch (Exception e) when (e is WadFormatException or InvalidOperationException)
        {
            // A texture too damaged to draw, or a resource WAD or IWAD this Worker lacks: the play stands without frames.
            LogNotRendered(logger, run.RunId, level.Name, e.Message);
            frames = null;
        }
        var telemetry = new ExplorerTelemetry(run.StartedAt);
        foreach (var e in telemetry.Translate(run, level, explorer, result, frames))
        {
            await sink.EmitAsync(e, cancellationToken);
        }

        return new AgentResult(true);
    }

    /// <summary>
    /// Draws the path's frames (none when the run asked for none) and counts vanilla's limits where the level is meant
    /// for vanilla. Rendering happens after the play, within the same wall-clock limit.
    /// </summary>
    private async Task<PathFramesResult?> RenderFramesAsync(
        AgentRun run, WadFile wad, Level level, ExplorerSettings settings, CompatibilityLevel? compatibility, ExplorationResult result, CancellationToken cancellationToken)
    {
        var countLimits = compatibility == CompatibilityLevel.Vanilla;
        if (settings.FrameEvery == 0 && !countLimits)
        {
            return null;
        }

        var resources = await renderResources.ForAsync(wad, level.Name, run.Load, cancellationToken);
        var folder = Path.Combine(run.WorkingDirectory, Runs.FrameFolderUpload.FolderName);
        // Limits are counted from the frames' views: a vanilla run that asked for no frames still looks at its path, at
        // the default rate, and only the pictures are left out.
        var every = settings.FrameEvery > 0 ? settings.FrameEvery : LimitCountEvery;
        var frames = await Task.Run(() =>
        {
            var path = new PathFrames(Doom.Rendering.ScreenComposer.SceneFor(level, wad, resources, settings.Skill), resources, countLimits);
            return path.Render(result.Events, every, options.Value.MaxFrames, settings.FrameEvery > 0 ? folder : null, cancellationToken);
        }, cancellationToken);
        LogRendered(logger, run.RunId, frames.Frames, frames.Elapsed.TotalMilliseconds, frames.MillisecondsPerFrame, frames.Limits.Count);
        return frames;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the path of {Level} was not rendered: {Reason}")]
    private static partial void LogNotRendered(ILogger logger, long runId, string level, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Frames} frame(s) of the path rendered in {Milliseconds:0} ms ({PerFrame:0.00} ms each), {Overflows} vanilla limit place(s)")]
    private static partial void LogRendered(ILogger logger, long runId, int frames, double milliseconds, double perFrame, int overflows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: exploring {Level} (skill {Skill}, seed {Seed})")]
    private static partial void LogExploring(ILogger logger, long runId, string level, int skill, int seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: explored {Level} in {Milliseconds:0} ms; exit reached {ExitReached} after {Tics} tics, {Findings} finding(s)")]
    private static partial void LogExplored(ILogger logger, long runId, string level, bool exitReached, int tics, int findings, double milliseconds);
}
