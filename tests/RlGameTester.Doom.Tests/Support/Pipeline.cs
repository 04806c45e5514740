using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Support;

/// <summary>What the Worker does with an uploaded WAD: read it, then every level's metadata and findings.</summary>
internal static class Pipeline
{
    private static readonly Lazy<WadResources> Freedoom2Resources = new(() => WadResources.From(Fixtures.Freedoom2));

    public static WadResources Freedoom2 => Freedoom2Resources.Value;

    public static IReadOnlyList<(Level Level, LevelMetadata Metadata, IReadOnlyList<Finding> Findings)> Run(byte[] wadBytes)
    {
        var wad = WadFile.Read(wadBytes);
        var resources = new ResourceSet([WadResources.From(wad), Freedoom2]);
        var results = new List<(Level, LevelMetadata, IReadOnlyList<Finding>)>();
        foreach (var entry in LevelDirectory.Find(wad))
        {
            var level = LevelReader.Read(entry);
            var geometry = new LevelGeometry(level);
            results.Add((level, LevelMetadata.Create(level, geometry), LevelChecker.Check(level, resources, geometry)));
        }

        return results;
    }

    public static IReadOnlyList<Finding> CheckOnly(EditableLevel level) => Run(level.ToWad()).Single().Findings;
}
