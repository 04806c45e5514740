namespace RlGameTester.AppHost.Infrastructure;

/// <summary>Azurite's blob service in a container, exposing an Azure Storage connection string.</summary>
internal sealed class AzuriteContainerResource(string name, bool onThisMachine) : ContainerResource(name), IResourceWithConnectionString
{
    public const string EndpointName = "blob";

    public EndpointReference BlobEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        AzuriteConnectionString.For(BlobEndpoint, onThisMachine);
}
