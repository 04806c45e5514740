using System.Diagnostics;
using Microsoft.Extensions.Options;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Views;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Shots;

/// <summary>
/// Gives findings their screenshot: the view from where a player would stand, facing the finding's element, stored in
/// blob storage (<see cref="ShotNames"/>) and set as the bug's <see cref="Bug.ScreenshotPath"/> before it is saved. At
/// most <see cref="ShotOptions.MaxPerLevel"/> or <see cref="ShotOptions.MaxPerRun"/> per call, most severe first.
/// </summary>
public sealed partial class FindingShots(BlobStore blobs, IOptions<ShotOptions> options, ILogger<FindingShots> logger)
{
    /// <summary>Static findings of a level: views of their elements (a finding of the whole level has none).</summary>
    public Task<int> ShootLevelAsync(string prefix, Level level, LevelEntry? entry, ResourceSet resources, IReadOnlyList<Bug> bugs, CancellationToken cancellationToken) =>
        ShootAsync(prefix, level, entry, resources, bugs, standsAtPlace: false, options.Value.MaxPerLevel, cancellationToken);

    /// <summary>A run's findings: from the place the play was (stuck, stopped, died), facing the element when one is named.</summary>
    public Task<int> ShootRunAsync(string prefix, Level level, LevelEntry? entry, ResourceSet resources, IReadOnlyList<Bug> bugs, CancellationToken cancellationToken) =>
        ShootAsync(prefix, level, entry, resources, bugs, standsAtPlace: true, options.Value.MaxPerRun, cancellationToken);

    /// <summary>Deletes the screenshots under <paramref name="prefix"/> that none of <paramref name="kept"/> points at (views of findings that went away).</summary>
    public async Task ForgetOthersAsync(string prefix, IEnumerable<Bug> kept, CancellationToken cancellationToken)
    {
        var names = kept.Select(b => b.ScreenshotPath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var name in await blobs.ListNamesAsync(BlobStore.Images, prefix, cancellationToken))
        {
            if (!names.Contains(name))
            {
                await blobs.DeleteIfExistsAsync(BlobStore.Images, name, cancellationToken);
            }
        }
    }

    private async Task<int> ShootAsync(string prefix, Level level, LevelEntry? entry, ResourceSet resources, IReadOnlyList<Bug> bugs,
        bool standsAtPlace, int max, CancellationToken cancellationToken)
    {
        var chosen = bugs.Select((bug, order) => (Bug: bug, Order: order, Target: Target(bug, standsAtPlace)))
            .Where(c => c.Target is not null)
            .OrderBy(c => c.Bug.Severity).ThenBy(c => c.Order)
            .Take(max)
            .ToList();
        if (chosen.Count == 0)
        {
            return 0;
        }

        var camera = new FindingCamera(level, entry, resources, options.Value.PngCompression);
        var watch = Stopwatch.StartNew();
        var shot = 0;
        foreach (var (bug, _, target) in chosen)
        {
            byte[]? png;
            try
            {
                png = camera.Shoot(target!.Value);
            }
            catch (WadFormatException e)
            {
                // A damaged texture is a finding of its own; the level's other findings simply go without a view.
                LogCannotDraw(logger, level.Name, e.Message);
                return shot;
            }

            if (png is null)
            {
                continue;
            }

            var name = ShotNames.Shot(prefix, bug.CheckName, bug.ElementKind, bug.ElementIndex, bug.Description ?? bug.Title);
            using (var content = new MemoryStream(png, writable: false))
            {
                await blobs.UploadAsync(BlobStore.Images, name, content, "image/png", cancellationToken);
            }

            bug.ScreenshotPath = name;
            shot++;
        }

        LogShot(logger, level.Name, shot, chosen.Count, watch.ElapsedMilliseconds);
        return shot;
    }

    private static ViewTarget? Target(Bug bug, bool standsAtPlace)
    {
        var element = Enum.GetValues<ElementKind>().Cast<ElementKind?>().FirstOrDefault(k => k!.Value.WireName() == bug.ElementKind);
        if (bug.PositionX is not { } x || bug.PositionY is not { } y)
        {
            return null;
        }

        // A static finding of the whole level is placed at the map's centre, which shows nothing in particular.
        return !standsAtPlace && element is null or ElementKind.Level
            ? null
            : new ViewTarget(element, bug.ElementIndex, x, y, standsAtPlace);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Screenshots of {Level}'s findings: {Shot} of {Chosen} drawn and stored in {Milliseconds} ms")]
    private static partial void LogShot(ILogger logger, string level, int shot, int chosen, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No screenshots of {Level}'s findings: its resources cannot be drawn ({Reason})")]
    private static partial void LogCannotDraw(ILogger logger, string level, string reason);
}
