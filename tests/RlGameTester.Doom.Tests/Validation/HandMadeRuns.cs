using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Runs written by hand on levels written by hand (UDMF in the Doom namespace): a walk along y = 32, one position a
/// tic, with the lines the body sets off at given tics, validated as an explorer run is.
/// </summary>
internal static class HandMadeRuns
{
    public const double WalkY = 32;

    public static TrajectoryVerdict Validate(string textmap, int[] xs, params (int Tick, int Line)[] activations)
    {
        var level = LevelReader.Read(WadFile.Read(LevelFormatTests.UdmfWad(textmap)), "MAP01");
        var geometry = new Geometry.LevelGeometry(level);
        var events = new List<ExplorerEvent>();
        for (var tick = 0; tick < xs.Length; tick++)
        {
            var sector = geometry.SectorAt(xs[tick], WalkY);
            events.Add(new ExplorerEvent(tick, ExplorerEventKind.Position, xs[tick], WalkY, sector));
            foreach (var (_, line) in activations.Where(a => a.Tick == tick))
            {
                events.Add(new ExplorerEvent(tick, ExplorerEventKind.LineActivated, xs[tick], WalkY, sector) { Line = line });
            }
        }

        return ValidationFixtures.Validate(level, events);
    }
}
