using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>Healthy when the server behind a connection string answers its own protocol.</summary>
internal sealed class ServerHealthCheck(IResourceWithConnectionString server, Func<string, CancellationToken, Task> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"{server.Name} has no connection string yet.");
            await probe(connectionString, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{server.Name} does not answer yet: {exception.Message}");
        }
    }
}
