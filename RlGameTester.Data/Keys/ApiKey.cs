namespace RlGameTester.Data.Keys;

/// <summary>
/// A key a client sends to use the API: its roles, and the SHA-256 of its secret (the secret itself is shown once, when
/// the key is made, and never stored). <see cref="Prefix"/> is the key's public part, for finding it and naming it.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    /// <summary>Who or what the key is for, as the admin named it.</summary>
    public required string Name { get; set; }

    /// <summary>The roles, comma-separated (reader, tester, admin, service).</summary>
    public required string Roles { get; set; }

    /// <summary>The key's public part, unique: <c>rlgt_{Prefix}_{secret}</c>.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When an admin revoked it; a revoked key is refused.</summary>
    public DateTime? RevokedAt { get; set; }
}
