namespace RlGameTester.Api.Maps;

/// <summary>
/// The seed's JSON create reads a file from the server, which is safe only inside one configured folder:
/// no <c>..</c> out of it, no absolute path elsewhere, no symbolic link (which could point anywhere).
/// </summary>
internal static class ImportFolder
{
    /// <summary>The full path of the file to import, or null with the reason it is refused.</summary>
    public static string? Resolve(string? folder, string requested, out string? refusal)
    {
        refusal = null;
        if (string.IsNullOrWhiteSpace(folder))
        {
            refusal = "importing by path is disabled on this server (Maps:ImportFolder is not set): upload the file as multipart/form-data instead.";
            return null;
        }

        var root = Path.GetFullPath(folder);
        var candidate = Path.GetFullPath(requested, root);
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!candidate.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            refusal = $"'{requested}' is outside the import folder {root}.";
            return null;
        }

        // Every part below the root must be a real folder or file, not a link out of it.
        for (var path = candidate; path.Length > rootWithSeparator.Length - 1 && path != root; path = Path.GetDirectoryName(path)!)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null || new DirectoryInfo(path).LinkTarget is not null)
            {
                refusal = $"'{requested}' goes through a symbolic link; links are not followed out of the import folder.";
                return null;
            }
        }

        if (!File.Exists(candidate))
        {
            refusal = $"there is no file '{requested}' in the import folder.";
            return null;
        }

        return candidate;
    }
}
