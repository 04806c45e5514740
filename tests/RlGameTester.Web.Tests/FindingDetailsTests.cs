using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Tests;

/// <summary>A finding in full, and a report's Markdown as the pages render them.</summary>
public sealed class FindingDetailsTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void TheDetailsNameTheSourcePlaceElementAndEvidence()
    {
        var finding = new Finding
        {
            Id = 5, RunId = 3, Severity = "minor", DetectionSource = "telemetry", CheckName = "explorer-stuck-spot",
            Title = "Stuck spot", Description = "The gap is 16 units wide.", PositionX = 816, PositionY = -440,
            ElementKind = "line", ElementIndex = 675, Data = JsonDocument.Parse("""{"evidence": {"gap_width": "16", "line": 675}}""").RootElement,
        };
        // The triage form in the details calls the Api only when used, which this test does not do.
        _context.Services.AddHttpClient();
        _context.Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        _context.Services.AddApiCredentials();
        _context.Services.AddScoped(s => new RlgtApi(new HttpClient(), s.GetRequiredService<IHttpClientFactory>(), s.GetRequiredService<ApiCredentials>()));

        var details = _context.Render<FindingDetails>(p => p.Add(d => d.Finding, finding));

        Assert.Equal("minor Stuck spot", details.Find("#finding-title").TextContent.Trim());
        var facts = details.FindAll("dl:first-of-type dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(["telemetry (explorer-stuck-spot), run #3", "(816, -440)", "line 675"], facts);
        Assert.Equal(["gap width", "line"], details.FindAll(".evidence dt").Select(d => d.TextContent));
        Assert.Equal(["16", "675"], details.FindAll(".evidence dd").Select(d => d.TextContent));
        Assert.Equal("The gap is 16 units wide.", details.Find(".description").TextContent);
    }

    [Fact]
    public void AReportIsRenderedFromMarkdownWithItsTablesAndRawHtmlShownAsText()
    {
        var view = _context.Render<MarkdownView>(p => p.Add(v => v.Text, "# Level report\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>"));

        Assert.Equal("Level report", view.Find("h1").TextContent);
        Assert.Equal(["1", "2"], view.FindAll("td").Select(c => c.TextContent));
        Assert.Empty(view.FindAll("script"));
        Assert.Contains("&lt;script&gt;", view.Markup, StringComparison.Ordinal);
    }

    public void Dispose() => _context.Dispose();
}
