using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Rendering;

/// <summary>
/// E1M1 with random bytes written over its nodes, segs, subsectors, sectors, sidedefs and things: reading may refuse
/// with a <see cref="WadFormatException"/>, anything it reads must render without failing.
/// </summary>
public sealed class MutatedLevelRenderingTests
{
    public static TheoryData<string> Lumps => ["NODES", "SEGS", "SSECTORS", "SECTORS", "SIDEDEFS", "LINEDEFS", "THINGS", "VERTEXES"];

    [Theory]
    [MemberData(nameof(Lumps))]
    public void AMutatedLumpNeverBreaksTheRenderer(string lump)
    {
        var random = new Random(lump.GetHashCode(StringComparison.Ordinal) & 0xffff);
        var start = RenderFixtures.Start(RenderFixtures.E1M1Scene);
        for (var round = 0; round < 16; round++)
        {
            var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
            var bytes = level[lump];
            for (var i = 0; i < 1 + (round % 8); i++)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = round % 3 == 0 ? (byte)0xff : (byte)random.Next(256);
            }

            Level read;
            LevelEntry entry;
            try
            {
                var wad = WadFile.Read(level.ToWad());
                entry = LevelDirectory.Find(wad).Single();
                read = LevelReader.Read(entry);
            }
            catch (WadFormatException)
            {
                continue;
            }

            var scene = RenderScene.Create(read, RenderFixtures.Freedoom1Set, entry);
            var renderer = new ViewRenderer(scene);
            foreach (var angle in new[] { 0.0, 90, 180, 270 })
            {
                var view = renderer.Render(start with { Angle = angle });
                Assert.Equal(320 * 200, view.Image.Pixels.Length);
            }

            // A far-off camera and one at a huge height too.
            renderer.Render(new ViewPoint(30000, -30000, 45));
            renderer.Render(start with { EyeZ = 30000 });
        }
    }
}
