using Microsoft.AspNetCore.Http.HttpResults;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data.Keys;

namespace RlGameTester.Api.Security;

/// <summary>The API's keys, for admins: make one (its secret is shown once), list them, revoke one.</summary>
internal static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/keys").WithTags("Keys").ForRole(Roles.Admin);
        keys.MapGet("/", ListKeys).WithName("ListKeys")
            .WithSummary("List API keys")
            .WithDescription("Every key with its name, roles, public prefix and when it was made or revoked; never a secret.");
        keys.MapPost("/", CreateKey).WithName("CreateKey")
            .WithSummary("Make an API key")
            .WithDescription("A key with a name and roles (reader, tester, admin, service). The answer is the only time the key itself is shown.");
        keys.MapDelete("/{id:long}", RevokeKey).WithName("RevokeKey").CanBeMissing()
            .WithSummary("Revoke an API key")
            .WithDescription("The key is refused from now on; its row stays, to show who had it.");
        return routes;
    }

    internal static async Task<Ok<List<ApiKeyResponse>>> ListKeys(ApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).ConvertAll(k => ApiKeyResponse.From(k)));

    internal static async Task<Created<ApiKeyResponse>> CreateKey(ApiKeyCreateRequest request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var (row, key) = await store.CreateAsync(request.Name!.Trim(), request.NormalizedRoles!, cancellationToken);
        return TypedResults.Created($"/api/keys/{row.Id}", ApiKeyResponse.From(row, key));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(long id, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, cancellationToken) is null ? Problems.NotFound("key", id) : TypedResults.NoContent();
}

/// <summary>A key to make.</summary>
public sealed record ApiKeyCreateRequest : IValidatedRequest
{
    /// <summary>Who or what the key is for (required, at most 100 characters).</summary>
    /// <example>ci-pipeline</example>
    public string? Name { get; init; }

    /// <summary>Its roles: reader, tester, admin, service (at least one).</summary>
    /// <example>["tester"]</example>
    public IReadOnlyList<string>? Roles { get; init; }

    internal string? NormalizedRoles => Security.Roles.Normalize(Roles ?? [], out _);

    void IValidatedRequest.Validate(RequestErrors errors)
    {
        errors.Text("name", Name, 100, required: true);
        if (Security.Roles.Normalize(Roles ?? [], out var reason) is null)
        {
            errors.Add("roles", reason!);
        }
    }
}

/// <summary>An API key as listed: never its secret, except in the answer that made it.</summary>
public sealed record ApiKeyResponse(long Id, string Name, IReadOnlyList<string> Roles, string Prefix, DateTime CreatedAt, DateTime? RevokedAt, string? Key)
{
    internal static ApiKeyResponse From(ApiKey key, string? secret = null) =>
        new(key.Id, key.Name, key.Roles.Split(','), key.Prefix, key.CreatedAt, key.RevokedAt, secret);
}
