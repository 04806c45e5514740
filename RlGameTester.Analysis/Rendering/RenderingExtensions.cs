namespace RlGameTester.Analysis.Rendering;

/// <summary>Wiring of the level and run images into the Analysis service.</summary>
internal static class RenderingExtensions
{
    /// <summary>Binds <see cref="RenderOptions"/> to <c>Analysis:Rendering</c> (validated on start) and registers the image writers.</summary>
    public static IHostApplicationBuilder AddRendering(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RenderOptions>()
            .BindConfiguration(RenderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LevelImages>();
        builder.Services.AddScoped<RunImages>();
        return builder;
    }
}
