namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// A backing server run from the machine's own binaries (an executable resource) that other resources
/// reference by connection string. The port is allocated by the orchestrator on every start.
/// </summary>
internal sealed class LocalServerResource(
    string name,
    string command,
    string workingDirectory,
    Func<EndpointReference, ReferenceExpression> connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => connectionString(Endpoint);
}
