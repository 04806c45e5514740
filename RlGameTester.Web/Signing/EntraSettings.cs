namespace RlGameTester.Web.Signing;

/// <summary>
/// <c>Authentication:Entra</c>: the web app's registration in Entra ID. With a client id, the sign-in page offers
/// "Sign in with Microsoft" beside the key; without one it is a key-only page.
/// </summary>
public sealed class EntraSettings
{
    public const string Section = "Authentication:Entra";

    /// <summary>The issuer's address, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; else made from <see cref="Instance"/> and <see cref="TenantId"/>.</summary>
    public string? Authority { get; set; }

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The Api's scope the access token is asked for, e.g. <c>api://rlgt/access</c> (its audience is the Api's).</summary>
    public string? ApiScope { get; set; }

    /// <summary>Only a local stand-in of Entra may be reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public string ResolvedAuthority => Authority is { Length: > 0 } authority
        ? authority
        : $"{Instance.TrimEnd('/')}/{TenantId ?? throw new InvalidOperationException($"{Section}: set Authority, or TenantId (with Instance).")}/v2.0";

    public static EntraSettings From(IConfiguration configuration) => configuration.GetSection(Section).Get<EntraSettings>() ?? new EntraSettings();
}
