using RlGameTester.Messaging;

namespace RlGameTester.Worker.Runs;

internal static class RunPlayingExtensions
{
    /// <summary>Consumes the runs queue: plays started runs with their agents and imports uploaded logs.</summary>
    public static IHostApplicationBuilder AddRunPlaying(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RunCancellations>();
        builder.AddJobHandler<RunJobHandler>(Queues.Runs);
        return builder;
    }
}
