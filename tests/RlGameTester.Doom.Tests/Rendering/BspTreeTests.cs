using System.Diagnostics;
using System.Globalization;
using System.Text;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Rendering;

public sealed class BspTreeTests
{
    [Fact]
    public void Freedoom2sLevelsUseTheirOwnNodes()
    {
        foreach (var entry in LevelDirectory.Find(Fixtures.Freedoom2))
        {
            var tree = BspTree.For(LevelReader.Read(entry), entry);
            Assert.Equal(BspSource.Level, tree.Source);
            Assert.Null(tree.Note);
            Assert.True(tree.NodeCount > 0 && tree.SubsectorCount == tree.NodeCount + 1, $"{entry.Name}: {tree.NodeCount} nodes, {tree.SubsectorCount} subsectors");
        }
    }

    [Fact]
    public void DamagedNodesAreReplacedByABuiltTreeThatSaysWhy()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var nodes = level["NODES"];

        // The root's front child points at itself: no earlier node, a cycle a walk would never leave.
        var root = (nodes.Length / 28) - 1;
        BitConverter.TryWriteBytes(nodes.AsSpan((root * 28) + 24), (ushort)root);
        var entry = LevelDirectory.Find(WadFile.Read(level.ToWad())).Single();
        var tree = BspTree.For(LevelReader.Read(entry), entry);

        Assert.Equal(BspSource.Built, tree.Source);
        Assert.Contains("node " + root.ToString(CultureInfo.InvariantCulture), tree.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeConvexRoomIsBuiltInBoundedTime()
    {
        // 4,096 walls round a circle: every wall faces all the others, so no line divides them; the builder must find
        // that without trying every line against every other.
        const int Sides = 4096;
        var text = new StringBuilder("namespace = \"doom\";\n");
        for (var i = 0; i < Sides; i++)
        {
            var angle = -2 * Math.PI * i / Sides;
            text.Append(CultureInfo.InvariantCulture, $"vertex {{ x = {Math.Round(8000 * Math.Cos(angle), 3)}; y = {Math.Round(8000 * Math.Sin(angle), 3)}; }}\n");
            text.Append(CultureInfo.InvariantCulture, $"linedef {{ v1 = {i}; v2 = {(i + 1) % Sides}; sidefront = {i}; }}\n");
            text.Append("sidedef { sector = 0; texturemiddle = \"STARTAN3\"; }\n");
        }

        text.Append("sector { heightfloor = 0; heightceiling = 256; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 200; }\n");
        var wad = WadFile.Read(WadWriter.Write([("MAP01", []), ("TEXTMAP", Encoding.UTF8.GetBytes(text.ToString())), ("ENDMAP", [])]));
        var entry = LevelDirectory.Find(wad).Single();
        var level = LevelReader.Read(entry);
        var watch = Stopwatch.StartNew();
        var scene = RenderScene.Create(level, RenderFixtures.Freedoom2Set, entry);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"built in {watch.Elapsed}");
        Assert.Equal(1, scene.Tree.SubsectorCount);
        var view = new ViewRenderer(scene).Render(new ViewPoint(0, 0, 0));
        Assert.Equal(0, view.Image.Pixels.Count(p => p == RenderOptions.DefaultClearIndex));
    }

    [Fact]
    public void ALevelWithoutSectorsDrawsNothing()
    {
        var wad = WadFile.Read(WadWriter.Write(
            [("MAP01", []), ("TEXTMAP", Encoding.UTF8.GetBytes("namespace = \"doom\";\nthing { x = 0.0; y = 0.0; type = 3001; single = true; skill3 = true; }\n")), ("ENDMAP", [])]));
        var entry = LevelDirectory.Find(wad).Single();
        var view = new ViewRenderer(RenderScene.Create(LevelReader.Read(entry), RenderFixtures.Freedoom2Set, entry)).Render(new ViewPoint(-64, 0, 0));

        Assert.All(view.Image.Pixels, p => Assert.Equal(RenderOptions.DefaultClearIndex, p));
    }
}
