namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// Azurite's well-known development account (public, documented by Microsoft; it protects nothing).
/// </summary>
internal static class AzuriteConnectionString
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// The connection string for an Azurite blob endpoint. On this machine the address is written as an IP:
    /// the Azure SDK reads the account from the path (emulator style) only for IP hosts, and with
    /// <c>localhost</c> it would take the account name for a container name.
    /// </summary>
    public static ReferenceExpression For(EndpointReference blobEndpoint, bool onThisMachine) =>
        onThisMachine
            ? ReferenceExpression.Create(
                $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{blobEndpoint.Property(EndpointProperty.Port)}/{Account};")
            : ReferenceExpression.Create(
                $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://{blobEndpoint.Property(EndpointProperty.Host)}:{blobEndpoint.Property(EndpointProperty.Port)}/{Account};");
}
