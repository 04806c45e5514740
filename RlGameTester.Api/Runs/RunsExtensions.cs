namespace RlGameTester.Api.Runs;

internal static class RunsExtensions
{
    /// <summary>Runs: the agents a run may name (validated at start), the Worker's queue, and the run's blobs.</summary>
    public static IHostApplicationBuilder AddRuns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IRunDispatcher, RedisRunDispatcher>();
        builder.Services.AddScoped<RunBlobs>();
        return builder;
    }
}
