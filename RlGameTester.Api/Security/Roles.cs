namespace RlGameTester.Api.Security;

/// <summary>
/// What a caller may do: a <see cref="Reader"/> reads (GET, progress, reports), a <see cref="Tester"/> also uploads,
/// runs and asks for reports, an <see cref="Admin"/> also deletes and manages keys; <see cref="Service"/> is the
/// identity of agents and services, the only one that may end a run or post a running run's events in bulk.
/// </summary>
internal static class Roles
{
    public const string Reader = "reader";
    public const string Tester = "tester";
    public const string Admin = "admin";
    public const string Service = "service";

    public static readonly string[] All = [Reader, Tester, Admin, Service];

    /// <summary>The roles that satisfy a required one: each user role includes those below it; services read too.</summary>
    public static string[] Satisfying(string required) => required switch
    {
        Reader => [Reader, Tester, Admin, Service],
        Tester => [Tester, Admin],
        Admin => [Admin],
        Service => [Service],
        _ => throw new ArgumentOutOfRangeException(nameof(required), required, "not a role"),
    };

    /// <summary>Roles as stored (comma-separated, known, each once, in <see cref="All"/>'s order); null with the reason when one is unknown or none is given.</summary>
    public static string? Normalize(IEnumerable<string> roles, out string? reason)
    {
        var given = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).ToHashSet();
        var unknown = given.Except(All).ToList();
        reason = unknown.Count > 0 ? $"unknown role(s) {string.Join(", ", unknown)}: the roles are {string.Join(", ", All)}"
            : given.Count == 0 ? $"at least one role is needed: {string.Join(", ", All)}"
            : null;
        return reason is null ? string.Join(',', All.Where(given.Contains)) : null;
    }
}
