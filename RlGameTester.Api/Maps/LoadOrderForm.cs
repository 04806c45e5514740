using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Api.Maps;

/// <summary>
/// The load order fields of an upload form: <c>iwad</c> (a name among the server's IWADs), <c>resources</c> (resource
/// WADs, in the order a port loads them) and <c>compatibility</c> (vanilla, boom, mbf21, udmf).
/// </summary>
internal static class LoadOrderForm
{
    public const string ResourcesField = "resources";

    /// <summary>Resource WADs one upload may carry: a map set has a handful.</summary>
    public const int MaxResources = 64;

    public static void Validate(IFormCollection form, IwadFolderOptions iwads, RequestErrors errors)
    {
        if (form["iwad"].ToString() is { Length: > 0 } iwad && iwads.PathOf(iwad) is null)
        {
            var available = iwads.Available();
            errors.Add("iwad", available.Count == 0
                ? $"names '{iwad}', but this server has no IWADs (Iwads:Folder is {iwads.Folder}): leave it out."
                : $"names '{iwad}', which this server does not have; it has {string.Join(", ", available)}.");
        }

        if (form["compatibility"].ToString() is { Length: > 0 } compatibility && !Enum.TryParse<CompatibilityLevel>(compatibility, ignoreCase: true, out _))
        {
            errors.Add("compatibility", $"must be vanilla, boom, mbf21 or udmf; got '{compatibility}'.");
        }

        var resources = form.Files.GetFiles(ResourcesField);
        if (resources.Count > MaxResources)
        {
            errors.Add(ResourcesField, $"holds {resources.Count} files; at most {MaxResources} resource WADs are accepted.");
        }

        foreach (var empty in resources.Where(f => f.Length == 0))
        {
            errors.Add(ResourcesField, $"'{empty.FileName}' is empty.");
        }
    }

    /// <summary>The load order of a validated form, its resource WADs stored; or the reason a resource WAD is refused.</summary>
    public static async Task<(LoadOrder Load, string? Rejection)> ReadAsync(IFormCollection form, IwadFolderOptions iwads, WadIngestion ingestion, CancellationToken cancellationToken)
    {
        var files = new List<(string, byte[])>();
        foreach (var file in form.Files.GetFiles(ResourcesField))
        {
            var bytes = new byte[file.Length];
            await using (var content = file.OpenReadStream())
            {
                await content.ReadExactlyAsync(bytes, cancellationToken);
            }

            files.Add((Path.GetFileName(file.FileName), bytes));
        }

        var (hashes, rejection) = await ingestion.StoreResourcesAsync(files, cancellationToken);
        var iwad = form["iwad"].ToString() is { Length: > 0 } named ? Path.GetFileName(iwads.PathOf(named)) : null;
        CompatibilityLevel? compatibility = form["compatibility"].ToString() is { Length: > 0 } text ? Enum.Parse<CompatibilityLevel>(text, ignoreCase: true) : null;
        return (new LoadOrder(iwad, hashes, compatibility), rejection);
    }
}
