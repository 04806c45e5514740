using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RlGameTester.Worker.Agents.Explorer;

/// <summary>Registers the built-in explorer beside the Worker's other agents.</summary>
internal static class ExplorerServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddExplorerAgent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ExplorerAgentOptions>().BindConfiguration(ExplorerAgentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Domain.Levels.IwadFolderOptions>().BindConfiguration(Domain.Levels.IwadFolderOptions.SectionName);
        builder.Services.TryAddSingleton<Frames.RenderResources>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgent, ExplorerAgent>());
        return builder;
    }
}
