namespace RlGameTester.TestSupport;

/// <summary>
/// The PostgreSQL, Redis and Azurite servers that <c>scripts/test.sh</c> starts for the tests, by the
/// connection strings it exports.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("RLGT_TEST_POSTGRES");

    public static string Redis => Required("RLGT_TEST_REDIS");

    /// <summary>
    /// Redis for one test project: a database number and a channel prefix of its own, so test projects
    /// running side by side never take each other's jobs or hear each other's run signals.
    /// </summary>
    public static string RedisFor(int database, string channelPrefix) => $"{Redis},defaultDatabase={database},channelPrefix={channelPrefix}";

    public static string Blobs => Required("RLGT_TEST_BLOBS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests with scripts/test.sh, which starts PostgreSQL, Redis and Azurite for them.");
}
