namespace RlGameTester.Web.Api;

/// <summary>A file on its way to the Api: its name, its bytes as they arrive from the browser, and its size.</summary>
public sealed record UploadFile(string Name, Stream Content, long Size);

/// <summary>A map WAD and the load order it is meant for: resource WADs in the order a port loads them, the IWAD, the engine.</summary>
public sealed record WadUpload(UploadFile Map, IReadOnlyList<UploadFile> Resources, string? Iwad, string? Compatibility)
{
    public long TotalBytes => Map.Size + Resources.Sum(r => r.Size);
}
