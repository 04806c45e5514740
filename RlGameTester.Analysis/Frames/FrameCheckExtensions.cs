using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RlGameTester.Analysis.Frames;

/// <summary>Wiring of the frame checks into the Analysis service.</summary>
internal static class FrameCheckExtensions
{
    /// <summary>
    /// Binds <see cref="FrameCheckOptions"/> to <c>Analysis:Frames</c>, validated on start. Checkers are per run (they
    /// hold the run's recent frames): create one with <c>new FrameChecker(options.Value)</c>, or use
    /// <see cref="FrameChecks.CheckAsync"/>.
    /// </summary>
    public static IHostApplicationBuilder AddFrameChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<FrameCheckOptions>()
            .BindConfiguration(FrameCheckOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
