using System.Diagnostics;
using System.Text.Json.Nodes;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

public sealed class ManifestTests
{
    [Fact]
    public async Task PublishedManifestNamesTheServicesTheWebAppAndTheThreeBackingResources()
    {
        var output = Path.Combine(Path.GetTempPath(), $"rlgt-manifest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        var manifestPath = Path.Combine(output, "aspire-manifest.json");
        try
        {
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Fixtures.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "run", "--no-build", "--project", "RlGameTester.AppHost", "--", "--publisher", "manifest", "--output-path", manifestPath })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"manifest publishing exited {process.ExitCode}: {await stdout}{await stderr}");

            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken))!;
            var resources = manifest["resources"]!.AsObject();
            foreach (var service in new[] { "api", "worker", "analysis", "web" })
            {
                Assert.Equal("project.v0", resources[service]?["type"]?.GetValue<string>());
            }

            Assert.StartsWith("container.", resources["postgres"]!["type"]!.GetValue<string>());
            Assert.Contains("{postgres.", resources["rlgt"]!["connectionString"]!.GetValue<string>());
            Assert.StartsWith("container.", resources["redis"]!["type"]!.GetValue<string>());
            Assert.StartsWith("container.", resources["blobs"]!["type"]!.GetValue<string>());
            Assert.Contains("azurite", resources["blobs"]!["image"]!.GetValue<string>());
            Assert.NotNull(resources["blobs"]!["connectionString"]);

            // Each service is wired to all three by connection string.
            var apiEnv = resources["api"]!["env"]!.AsObject();
            Assert.Contains("ConnectionStrings__rlgt", apiEnv.Select(p => p.Key));
            Assert.Contains("ConnectionStrings__redis", apiEnv.Select(p => p.Key));
            Assert.Contains("ConnectionStrings__blobs", apiEnv.Select(p => p.Key));

            // The web app reaches the Api by service discovery, on an external endpoint of its own.
            var web = resources["web"]!.AsObject();
            Assert.Contains(web["env"]!.AsObject(), p => p.Key.StartsWith("services__api__", StringComparison.Ordinal));
            Assert.True(web["bindings"]!["http"]!["external"]!.GetValue<bool>());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
