using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using RlGameTester.Data.Blobs;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;
using RlGameTester.Worker.Agents.Explorer;
using RlGameTester.Worker.Agents.Explorer.Frames;

namespace RlGameTester.Worker.Tests.Agents;

/// <summary>
/// A mod uploaded as a resource WAD of a level's load order (in blob storage, as the Api keeps it) gives the level
/// its actors, under the level WAD's own, as a port loads the files.
/// </summary>
public sealed class ModActorResourcesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AResourceWadsDecorateIsTheLevelsModAndTheLevelWadsOwnActorsComeOverIt()
    {
        var blobs = new BlobStore(new BlobServiceClient(TestServers.Blobs));
        var hash = $"test-mod-{Guid.NewGuid():N}";
        var mod = WadWriter.Write([("DECORATE", Encoding.ASCII.GetBytes(
            "actor Overlord : BaronOfHell replaces BaronOfHell { States { Death: BOSS O -1 A_BrainDie Stop } }\n" +
            "actor Lamp replaces TechLamp { Radius 16 +SOLID }\n"))]);
        await blobs.UploadAsync(BlobStore.Wads, $"{hash}.wad", new MemoryStream(mod), "application/octet-stream", Token);
        var level = WadFile.Read(WadWriter.Write([("DECORATE", "actor Drip replaces TechLamp { Radius 4 }\n"u8.ToArray())]));
        var resources = new RenderResources(blobs, Options.Create(new ExplorerAgentOptions()), Options.Create(new IwadFolderOptions()));

        var (actors, _) = await resources.ForPlayAsync(level, "MAP01", new LoadOrder(null, [hash], null), Token);
        var (alone, _) = await resources.ForPlayAsync(level, "MAP01", LoadOrder.Default, Token);

        Assert.Contains(actors.Rules, r => r is { EditorNumber: 3003, ClassName: "Overlord", Effect: ActorEffect.ExitLevel });
        Assert.Equal(("Drip", false), (actors.Shapes[85].ClassName, actors.Shapes[85].Blocks));
        Assert.DoesNotContain(alone.Rules, r => r.EditorNumber == 3003);
        await Assert.ThrowsAsync<InvalidOperationException>(() => resources.ForPlayAsync(level, "MAP01", new LoadOrder(null, [hash + "-gone"], null), Token));
    }
}
