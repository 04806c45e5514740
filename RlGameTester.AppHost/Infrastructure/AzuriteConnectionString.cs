namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// Azurite's well-known development account (public, documented by Microsoft; it protects nothing).
/// </summary>
internal static class AzuriteConnectionString
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static ReferenceExpression For(EndpointReference blobEndpoint) =>
        ReferenceExpression.Create(
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://{blobEndpoint.Property(EndpointProperty.Host)}:{blobEndpoint.Property(EndpointProperty.Port)}/{Account};");
}
