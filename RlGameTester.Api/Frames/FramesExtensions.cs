using Microsoft.Extensions.DependencyInjection.Extensions;
using RlGameTester.Data.Frames;

namespace RlGameTester.Api.Frames;

internal static class FramesExtensions
{
    /// <summary>Run frames: upload limits, validated on start, the gate on decodes at once, and the store of frames in blob storage.</summary>
    public static IHostApplicationBuilder AddFrames(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrameUploadOptions>().BindConfiguration(FrameUploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<RunFrameStore>();
        builder.Services.TryAddSingleton<FrameDecodeGate>();
        return builder;
    }
}
