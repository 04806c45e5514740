namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// The three backing resources the services use, by the connection names the clients read:
/// <c>rlgt</c> (PostgreSQL database), <c>redis</c> and <c>blobs</c> (Azure Blob API).
/// </summary>
internal sealed record BackingServices(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> Blobs)
{
    public const string DatabaseName = "rlgt";
    public const string RedisName = "redis";
    public const string BlobsName = "blobs";

    /// <summary>The server resources behind the connection strings, which the services wait for.</summary>
    public IReadOnlyList<IResourceBuilder<IResource>> Servers { get; init; } = [Database, Redis, Blobs];
}
