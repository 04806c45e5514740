using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.Data.Keys;

namespace RlGameTester.Api.Security;

/// <summary>Makes, lists and revokes API keys; the one place a key's secret exists, until it is handed to whoever asked.</summary>
internal sealed class ApiKeyStore(RlgtDbContext db, TimeProvider clock)
{
    /// <summary>A new key with the (normalized) roles: the stored row and the key itself, which is not kept.</summary>
    public async Task<(ApiKey Row, string Key)> CreateAsync(string name, string roles, CancellationToken cancellationToken)
    {
        var key = ApiKeySecret.New(out var prefix);
        var row = new ApiKey { Name = name, Roles = roles, Prefix = prefix, Hash = ApiKeySecret.Hash(key), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (row, key);
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes the key (once: a second revocation keeps the first time); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (row is { RevokedAt: null })
        {
            row.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return row;
    }

    /// <summary>The key's row when the key is one this service issued (revoked or not); null otherwise.</summary>
    public async Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var prefix = ApiKeySecret.PrefixOf(key);
        var row = prefix is null ? null : await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return row is not null && ApiKeySecret.Matches(key, row.Hash) ? row : null;
    }

    /// <summary>Whether the key is a live admin key.</summary>
    public async Task<bool> IsLiveAdminAsync(string key, CancellationToken cancellationToken) =>
        await FindAsync(key, cancellationToken) is { RevokedAt: null } row && row.Roles.Split(',').Contains(Roles.Admin);
}
