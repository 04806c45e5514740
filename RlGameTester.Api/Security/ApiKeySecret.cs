using System.Security.Cryptography;
using System.Text;

namespace RlGameTester.Api.Security;

/// <summary>
/// The keys' format, <c>rlgt_{prefix}_{secret}</c>: a public prefix that finds the key's row, 192 random bits of secret.
/// Only the key's SHA-256 is stored: a random key of that length needs no slow hash, unlike a password.
/// </summary>
internal static class ApiKeySecret
{
    private const string Scheme = "rlgt_";
    private const int PrefixLength = 12;

    /// <summary>A new key and its prefix.</summary>
    public static string New(out string prefix)
    {
        prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        return $"{Scheme}{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_')}";
    }

    /// <summary>The prefix of a key in the format; null for anything else.</summary>
    public static string? PrefixOf(string key) =>
        key.Length > Scheme.Length + PrefixLength + 1 && key.StartsWith(Scheme, StringComparison.Ordinal) && key[Scheme.Length + PrefixLength] == '_'
            ? key.Substring(Scheme.Length, PrefixLength)
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether the key hashes to the stored hash, in time that does not depend on where they differ.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
