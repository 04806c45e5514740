using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RlGameTester.Worker.Agents;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>Registers the Arnold agent beside the Worker's other agents.</summary>
internal static class ArnoldServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ArnoldOptions"/> to <c>Agents:Arnold</c> (validated on start: limits only, since a machine
    /// without Arnold must still run the Worker) and registers <see cref="ArnoldAgent"/> as an <see cref="IAgent"/>.
    /// </summary>
    public static IHostApplicationBuilder AddArnoldAgent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ArnoldOptions>()
            .BindConfiguration(ArnoldOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgent, ArnoldAgent>());
        return builder;
    }
}
