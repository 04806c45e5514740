using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// The body rules of the upload endpoints (a level file, run frames): one body limit from the endpoint's setting, a 413
/// before a byte is read when the declared length passes it, and 413/415 problems that say what to send instead.
/// </summary>
internal static class UploadBody
{
    /// <summary>
    /// Refuses (413, <paramref name="tooLarge"/> given the declared length) a body declared longer than
    /// <paramref name="limit"/> bytes; else raises the server's own body limit (30 MB by default) to it, so the setting,
    /// not Kestrel, decides.
    /// </summary>
    public static ProblemHttpResult? Limit(HttpRequest request, long limit, Func<long, ProblemHttpResult> tooLarge)
    {
        if (request.ContentLength is { } length && length > limit)
        {
            return tooLarge(length);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return null;
    }

    /// <summary>413: <paramref name="detail"/> says which limit (and its setting) was passed.</summary>
    public static ProblemHttpResult TooLarge(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: title);

    /// <summary>415: <paramref name="detail"/> says what to send instead.</summary>
    public static ProblemHttpResult UnsupportedType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");
}
