using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RlGameTester.TestSupport;

/// <summary>
/// API keys for the tests' hosts, written straight into a migrated database in the Api's format
/// (<c>rlgt_{12 hex}_{secret}</c>, the SHA-256 of the whole key stored): a reading of that format of its own, so a
/// test's key also checks the Api's.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    /// <summary>A new key with the roles (comma-separated), and its id.</summary>
    public static async Task<(long Id, string Key)> AddAsync(string connectionString, string roles, string name = "test", CancellationToken cancellationToken = default)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"rlgt_{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO api_keys (name, roles, prefix, hash, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING id", connection)
        {
            Parameters =
            {
                new() { Value = name },
                new() { Value = roles },
                new() { Value = prefix },
                new() { Value = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) },
            },
        };
        return ((long)(await insert.ExecuteScalarAsync(cancellationToken))!, key);
    }
}
