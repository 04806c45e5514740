using Microsoft.Extensions.Configuration;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>Where local mode finds its server binaries and keeps its data (<c>Infrastructure:Local:*</c>).</summary>
internal sealed record LocalSettings(string DataDirectory, string? PostgresBin, string RedisServer, string Azurite)
{
    /// <summary>The development admin key the Api makes on its first start (mode 600, git-ignored with the data).</summary>
    public string ApiKeyFile => Path.Combine(DataDirectory, "api-key");

    public static LocalSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Infrastructure:Local");
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");

        // Azurite comes from npm into the repository's .tools folder (scripts/setup.sh), else from PATH.
        var localAzurite = Path.Combine(repositoryRoot, ".tools", "node_modules", ".bin", "azurite-blob");
        var azurite = section["Azurite"] is { Length: > 0 } azuriteSetting
            ? azuriteSetting
            : File.Exists(localAzurite) ? localAzurite : "azurite-blob";

        return new LocalSettings(
            dataDirectory,
            section["PostgresBin"],
            section["RedisServer"] is { Length: > 0 } redis ? redis : "redis-server",
            azurite);
    }
}
