using System.Diagnostics;
using System.Globalization;
using RlGameTester.Domain.Frames;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;

namespace RlGameTester.Worker.Agents.Explorer.Frames;

/// <summary>
/// Renders an explored path's frames after the play (off the explorer's hot path) into the run folder's
/// <c>frames/</c>, named by tick, where the Worker stores them as it stores any agent's, each with the renderer's note
/// of what it left undrawn (<see cref="RendererNote"/>: the frame checks' findings on it need a cause there); and, for a level meant for
/// vanilla, counts vanilla's renderer limits in each frame's view and in <see cref="ExtraAngles"/> more directions
/// from the same spot (a player standing there can turn), filing the overflows as findings.
/// </summary>
internal sealed class PathFrames(RenderScene scene, ResourceSet resources, bool countLimits)
{
    /// <summary>Directions looked in besides the frame's own, at quarter turns: cheap beside encoding a frame.</summary>
    public const int ExtraAngles = 3;

    /// <summary>Draws the chosen views; <paramref name="folder"/> null: counts the limits only and writes no picture.</summary>
    public PathFramesResult Render(IReadOnlyList<ExplorerEvent> events, int every, int maxFrames, string? folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var views = PathViews.Choose(scene, events, every, maxFrames);
        var limits = new LimitOverflows();
        if (views.Count == 0)
        {
            return new PathFramesResult(0, TimeSpan.Zero, limits);
        }

        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var composer = new ScreenComposer(scene, resources);
        var clock = Stopwatch.StartNew();
        var written = 0;
        foreach (var (tick, view) in views)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RenderStatistics statistics;
            if (folder is null)
            {
                statistics = composer.Measure(view);
            }
            else
            {
                (var screen, statistics) = composer.Compose(view);
                var note = RendererNote.From(statistics);
                var png = PngWriter.Encode(ScreenComposer.Width, ScreenComposer.Height, screen.Span, composer.Colors, note);
                File.WriteAllBytes(Path.Combine(folder, tick.ToString("D6", CultureInfo.InvariantCulture) + ".png"), png);
                written++;
            }

            if (countLimits)
            {
                limits.Add(tick, view, statistics);
                for (var turn = 1; turn <= ExtraAngles; turn++)
                {
                    var around = view with { Angle = (view.Angle + (turn * 360.0 / (ExtraAngles + 1))) % 360 };
                    limits.Add(tick, around, composer.Measure(around));
                }
            }
        }

        return new PathFramesResult(written, clock.Elapsed, limits);
    }
}

/// <summary>What rendering a path took: frames written, the time spent drawing and encoding them, the limits passed.</summary>
internal sealed record PathFramesResult(int Frames, TimeSpan Elapsed, LimitOverflows Limits)
{
    public double MillisecondsPerFrame => Frames == 0 ? 0 : Elapsed.TotalMilliseconds / Frames;
}
