namespace RlGameTester.Doom.Wad;

/// <summary>
/// The one exception the library throws for bytes it cannot read as a WAD, a level or a resource.
/// Its message names the exact reason (and the lump, level and index involved) so a user can act on it.
/// </summary>
public class WadFormatException : Exception
{
    public WadFormatException()
        : base("The data is not a valid WAD file.")
    {
    }

    public WadFormatException(string message)
        : base(message)
    {
    }

    public WadFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
