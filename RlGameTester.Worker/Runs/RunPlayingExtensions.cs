using Microsoft.Extensions.DependencyInjection.Extensions;
using RlGameTester.Data.Frames;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Worker.Runs;

internal static class RunPlayingExtensions
{
    /// <summary>Consumes the runs queue: plays started runs with their agents (storing the frames they write) and imports uploaded logs.</summary>
    public static IHostApplicationBuilder AddRunPlaying(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RunCancellations>();
        builder.Services.TryAddSingleton<RunFrameStore>();
        builder.Services.AddSingleton<FrameFolderUpload>();
        builder.AddJobHandler<PlayRun, RunJobHandler>();
        builder.AddJobHandler<ImportRunLog, RunJobHandler>();
        return builder;
    }
}
