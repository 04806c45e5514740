using System.Globalization;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// Ids in routes (<c>{id}</c>, <c>{run_id}</c>) are positive: checked once, on the group every endpoint is mapped in,
/// with the 400 each endpoint used to write itself. The route's <c>:long</c> constraint already refuses what is not a
/// number (404: no such route).
/// </summary>
internal static class PositiveIds
{
    public static TBuilder RequirePositiveIds<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static async (context, next) =>
        {
            foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            {
                if (IsId(name) && long.TryParse(value as string, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id <= 0)
                {
                    return Problems.InvalidId(name, id);
                }
            }

            return await next(context);
        });

    private static bool IsId(string name) => name == "id" || name.EndsWith("_id", StringComparison.Ordinal);
}
