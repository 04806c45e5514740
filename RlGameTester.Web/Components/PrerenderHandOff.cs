using Microsoft.Extensions.Caching.Memory;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Components;

/// <summary>
/// What a page's prerender loaded, handed to the interactive render that follows, so the page neither loads it again
/// nor shows "Loading…" in between. The data stays in this server's memory for a minute; the page carries only its id
/// (a <c>[PersistentState]</c> property). Carrying the data itself in the page would send it twice more (in the HTML,
/// then back up the circuit, where SignalR's 32 KB message limit refuses a large level's lines). Only the person it was
/// loaded for may take it, once; when it is gone (expired, another replica), the page loads as before.
/// </summary>
public sealed class PrerenderHandOff(IMemoryCache cache, ApiCredentials credentials)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Keeps the data for the interactive render; the id to carry in the page.</summary>
    public async Task<string> KeepAsync<T>(T data) where T : class
    {
        var id = $"prerender:{Guid.NewGuid():N}";
        cache.Set(id, new Kept(await credentials.OwnerAsync(), data), Lifetime);
        return id;
    }

    /// <summary>The data a prerender kept under the id, for the same person; null when there is none.</summary>
    public async Task<T?> TakeAsync<T>(string? id) where T : class
    {
        if (id is null || !id.StartsWith("prerender:", StringComparison.Ordinal) || !cache.TryGetValue(id, out Kept? kept) || kept is null)
        {
            return null;
        }

        cache.Remove(id);
        return kept.Owner is not null && kept.Owner == await credentials.OwnerAsync() ? kept.Data as T : null;
    }

    private sealed record Kept(string? Owner, object Data);
}
