namespace RlGameTester.TestSupport;

/// <summary>
/// The PostgreSQL, Redis and Azurite servers that <c>scripts/test.sh</c> starts for the tests, by the
/// connection strings it exports.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("RLGT_TEST_POSTGRES");

    public static string Redis => Required("RLGT_TEST_REDIS");

    public static string Blobs => Required("RLGT_TEST_BLOBS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests with scripts/test.sh, which starts PostgreSQL, Redis and Azurite for them.");
}
