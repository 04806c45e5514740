using System.Diagnostics;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// Where the backing servers (PostgreSQL, Redis, blob storage) come from. Chosen by <c>Infrastructure:Mode</c>.
/// </summary>
internal enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else local.</summary>
    Auto,
    /// <summary>Aspire's PostgreSQL and Redis resources and an Azurite container (also what deployment publishes).</summary>
    Containers,
    /// <summary>The machine's own server binaries as executable resources.</summary>
    Local,
    /// <summary>Connection strings from configuration; nothing is started.</summary>
    External,
}

internal static class InfrastructureModeResolver
{
    public const string ConfigurationKey = "Infrastructure:Mode";

    /// <summary>
    /// Reads the configured mode and settles <see cref="InfrastructureMode.Auto"/>. Publishing always
    /// describes containers: that is the shape a deployment target understands.
    /// </summary>
    public static InfrastructureMode Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        var configured = builder.Configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = nameof(InfrastructureMode.Auto);
        }

        if (!Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is '{configured}'; use one of auto, containers, local, external.");
        }

        return mode == InfrastructureMode.Auto
            ? (ContainerRuntimeAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local)
            : mode;
    }

    /// <summary>True when <c>docker info</c> or <c>podman info</c> reaches an engine within a few seconds.</summary>
    private static bool ContainerRuntimeAnswers()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            try
            {
                var info = new ProcessStartInfo(runtime)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                info.ArgumentList.Add("info");
                using var process = Process.Start(info);
                if (process is null)
                {
                    continue;
                }

                process.StandardOutput.ReadToEndAsync();
                process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }

                if (process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed: try the next runtime.
            }
        }

        return false;
    }
}
