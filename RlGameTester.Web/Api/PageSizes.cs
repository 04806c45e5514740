namespace RlGameTester.Web.Api;

/// <summary>
/// How many of a level's runs and of a run's frames the pages ask the Api for at once (<c>Pages:Runs</c>,
/// <c>Pages:Frames</c>); the rest are reached page by page. The defaults are the Api's own: 100 is its default page, 1,000
/// its largest. A setting so a test can reach a second page without making a thousand frames.
/// </summary>
public sealed class PageSizes
{
    /// <summary>The Api's largest page (<c>limit</c>).</summary>
    public const int MaxLimit = 1000;

    public int Runs { get; init; } = 100;

    public int Frames { get; init; } = MaxLimit;

    public static PageSizes From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Pages");
        return new PageSizes
        {
            Runs = Checked(section.GetValue("Runs", 100), "Runs"),
            Frames = Checked(section.GetValue("Frames", MaxLimit), "Frames"),
        };
    }

    private static int Checked(int size, string name) => size is >= 1 and <= MaxLimit ? size
        : throw new InvalidOperationException($"Pages:{name} must be between 1 and {MaxLimit} (the Api's largest page); got {size}.");
}
