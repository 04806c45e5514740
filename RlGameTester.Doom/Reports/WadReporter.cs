using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Reports;

/// <summary>
/// The whole job for an uploaded WAD in one call: read it, then describe and check every level against the
/// WAD's own resources and the IWAD's. Build the IWAD's <see cref="WadResources"/> once and pass it to every call.
/// </summary>
public static class WadReporter
{
    /// <exception cref="WadFormatException">The WAD, one of its levels or its texture lists cannot be read, or it holds no level.</exception>
    public static WadReport Analyze(ReadOnlyMemory<byte> wadBytes, WadResources? iwad, CheckOptions? options = null)
    {
        var wad = WadFile.Read(wadBytes);
        var own = WadResources.From(wad);
        var resources = new ResourceSet(iwad is null ? [own] : [own, iwad]);
        var reports = new List<LevelReport>();
        foreach (var level in LevelReader.ReadAll(wad))
        {
            var geometry = new LevelGeometry(level);
            reports.Add(new LevelReport(
                LevelMetadata.Create(level, geometry),
                LevelChecker.Check(level, resources, geometry, options)));
        }

        return new WadReport(wad.Kind, wad.Lumps.Count, reports);
    }
}
