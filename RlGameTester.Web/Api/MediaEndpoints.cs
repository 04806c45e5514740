using System.Globalization;

namespace RlGameTester.Web.Api;

/// <summary>
/// Images the Api serves (a level from above, a run over it, a run's frames, a finding's screenshot), passed through to
/// the browser with the signed-in person's key or access token, which the browser never holds. Only these paths are
/// passed through.
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        var media = routes.MapGroup("/media").RequireAuthorization();
        media.MapGet("/maps/{id:long}/image", (long id, RlgtApi api, HttpContext http) => PassAsync(api, http, Path("maps", id, "image")));
        media.MapGet("/runs/{id:long}/image", (long id, RlgtApi api, HttpContext http) => PassAsync(api, http, Path("runs", id, "image")));
        media.MapGet("/runs/{id:long}/frames/{tick:int}", (long id, int tick, RlgtApi api, HttpContext http) =>
            PassAsync(api, http, Path("runs", id, string.Create(CultureInfo.InvariantCulture, $"frames/{tick}"))));
        media.MapGet("/bugs/{id:long}/screenshot", (long id, RlgtApi api, HttpContext http) => PassAsync(api, http, Path("bugs", id, "screenshot")));
        return routes;
    }

    private static string Path(string subject, long id, string what) => string.Create(CultureInfo.InvariantCulture, $"/api/{subject}/{id}/{what}");

    private static async Task PassAsync(RlgtApi api, HttpContext http, string path)
    {
        using var response = await api.GetBinaryAsync(path, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        if (response.Headers.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag.ToString();
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
