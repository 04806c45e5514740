namespace RlGameTester.Doom.Wad;

/// <summary>
/// A WAD that is well formed but asks for more work than the reader allows (<see cref="Levels.LevelLimits"/>): too many
/// levels, a level too big. Its message names the bound, the file's figure and the setting that raises it.
/// </summary>
public sealed class WadLimitException : WadFormatException
{
    public WadLimitException()
        : base("The WAD is larger than the reader's limits allow.")
    {
    }

    public WadLimitException(string message)
        : base(message)
    {
    }

    public WadLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
