using System.Net;
using System.Text.Json;

namespace RlGameTester.Web.Api;

/// <summary>The Api refused a call: its status and the reason its ProblemDetails gave, shown to the person as it says it.</summary>
public class ApiProblemException(HttpStatusCode status, string title, string? detail) : Exception(detail is { Length: > 0 } ? $"{title}: {detail}" : title)
{
    public HttpStatusCode Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>Reads a failed response's ProblemDetails (title, detail, and validation errors when there are any).</summary>
    public static async Task<ApiProblemException> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var title = response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            {
                title = t.GetString()!;
            }

            var parts = new List<string>();
            if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
            {
                parts.Add(d.GetString()!);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    parts.AddRange(field.Value.EnumerateArray().Select(e => $"{field.Name}: {e.GetString()}"));
                }
            }

            detail = parts.Count > 0 ? string.Join(" ", parts) : null;
        }
        catch (JsonException)
        {
            // Not ProblemDetails (a proxy's page): the status line is all there is to say.
        }

        return new ApiProblemException(response.StatusCode, title, detail);
    }
}
