using System.Security.Claims;

namespace RlGameTester.Api.Security;

/// <summary>Who a signed-in caller is, for counting what it does: its key, or its token's subject.</summary>
internal static class Callers
{
    /// <summary><c>key:{id}</c>, <c>token:{oid or sub}</c>, or null when the caller is not signed in.</summary>
    public static string? Of(ClaimsPrincipal user) =>
        user.FindFirstValue("key_id") is { } key ? $"key:{key}"
        : (user.FindFirstValue("oid") ?? user.FindFirstValue("sub")) is { } subject ? $"token:{subject}"
        : null;
}
