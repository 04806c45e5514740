extern alias cli;

using System.Text.Json.Nodes;
using RlGameTester.TestSupport;
using CliApp = cli::RlGameTester.Cli.CliApp;
using CliConsole = cli::RlGameTester.Cli.CliConsole;

namespace RlGameTester.Api.Tests;

/// <summary>
/// <c>rlgt submit --project</c> against the real Api and Analysis service (in-process, through the test server): each
/// push is the next revision of the level, findings the previous revision lacked are marked new, and
/// <c>--fail-on-new</c> gates on those alone, as a map repository's CI job would.
/// </summary>
public sealed class RlgtSubmitTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    [Fact]
    public async Task EachPushIsARevisionAndTheGateCanCountOnlyWhatIsNew()
    {
        var project = $"Map repo {Guid.NewGuid():N}";
        var first = await SubmitAsync(project, Doctored(("NOSUCHTX", 0)), "--fail-on-new");
        var unchanged = await SubmitAsync(project, Doctored(("NOSUCHTX", 0)), "--fail-on-new");
        var unchangedAll = await SubmitAsync(project, Doctored(("NOSUCHTX", 0)));
        var worse = await SubmitAsync(project, Doctored(("NOSUCHTX", 0), ("NOSUCHT2", 5)), "--fail-on-new");

        // A level's first revision has nothing to compare with: every finding counts.
        Assert.True(first.Exit == 1, first.ToString());
        Assert.Null(Finding(first, "NOSUCHTX")["new"]);
        Assert.True(unchanged.Exit == 0, unchanged.ToString());
        Assert.False(Finding(unchanged, "NOSUCHTX")["new"]!.GetValue<bool>());
        Assert.True(unchangedAll.Exit == 1, unchangedAll.ToString());
        Assert.True(worse.Exit == 1, worse.ToString());
        Assert.True(Finding(worse, "NOSUCHT2")["new"]!.GetValue<bool>());
        Assert.False(Finding(worse, "NOSUCHTX")["new"]!.GetValue<bool>());
        Assert.False(Finding(worse, "NOSUCHTX")["fails"]!.GetValue<bool>());
    }

    private async Task<Result> SubmitAsync(string project, byte[] wad, params string[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlgt-submit-{Guid.NewGuid():N}.wad");
        await File.WriteAllBytesAsync(path, wad, TestContext.Current.CancellationToken);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var key = await services.Api.KeyWithRolesAsync("tester");
            string[] args = ["submit", path, "--server", "http://localhost", "--key", key, "--project", project, "--fail-on", "major", "--format", "json", .. extra];
            var exit = await CliApp.RunAsync(args, new CliConsole(output, error, false, false), TestContext.Current.CancellationToken, services.Api.Server.CreateHandler());
            return new Result(exit, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonNode Finding(Result result, string texture) =>
        JsonNode.Parse(result.Output)!["levels"]![0]!["findings"]!.AsArray().Single(f => f!["title"]!.GetValue<string>().Contains(texture, StringComparison.Ordinal))!;

    /// <summary>Freedoom 2's MAP01 as a PWAD with sides' middle textures renamed to ones no WAD has, made unique by a marker lump.</summary>
    private static byte[] Doctored(params (string Texture, int Side)[] defects)
    {
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
        foreach (var (texture, side) in defects)
        {
            level.SetSideTexture(side, 2, texture);
        }

        return WadBuilder.WithExtraLump(level.ToWad(), "RLGTTEST", Guid.NewGuid().ToByteArray());
    }

    private sealed record Result(int Exit, string Output, string Error)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Error}";
    }
}
