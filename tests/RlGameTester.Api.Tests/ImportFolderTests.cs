using System.Net;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>The seed's JSON form reads only inside the import folder: no way out by "..", absolute paths or links.</summary>
public sealed class ImportFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rlgt-import-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("rlgt-outside-").FullName;

    public ImportFolderTests()
    {
        var wad = Path.Combine(Fixtures.Wads, "defend_the_center.wad");
        File.Copy(wad, Path.Combine(_root, "inside.wad"));
        File.Copy(wad, Path.Combine(_outside, "secret.wad"));
        File.CreateSymbolicLink(Path.Combine(_root, "link.wad"), Path.Combine(_outside, "secret.wad"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked-folder"), _outside);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public void AFileInsideIsImportedAndEveryWayOutIsRefused()
    {
        Assert.Equal(Path.Combine(_root, "inside.wad"), Maps.ImportFolder.Resolve(_root, "inside.wad", out _));
        Assert.Equal(Path.Combine(_root, "inside.wad"), Maps.ImportFolder.Resolve(_root, Path.Combine(_root, "inside.wad"), out _));

        foreach (var (path, reason) in new[]
        {
            ($"../{Path.GetFileName(_outside)}/secret.wad", "outside the import folder"),
            (Path.Combine(_outside, "secret.wad"), "outside the import folder"),
            ("link.wad", "symbolic link"),
            ("linked-folder/secret.wad", "symbolic link"),
            ("missing.wad", "no file"),
        })
        {
            Assert.Null(Maps.ImportFolder.Resolve(_root, path, out var refusal));
            Assert.Contains(reason, refusal);
        }

        Assert.Null(Maps.ImportFolder.Resolve(null, "inside.wad", out var disabled));
        Assert.Contains("disabled", disabled);
    }
}
