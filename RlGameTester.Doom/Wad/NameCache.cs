namespace RlGameTester.Doom.Wad;

/// <summary>
/// Shares one string per distinct 8-byte name while reading a level: thousands of sidedefs repeat
/// a few dozen texture names, and decoding each one separately dominated the read time.
/// </summary>
internal sealed class NameCache
{
    private readonly Dictionary<ulong, string> _names = [];

    public string Get(ReadOnlySpan<byte> name8)
    {
        var key = LumpName.Key(name8);
        if (!_names.TryGetValue(key, out var name))
        {
            name = LumpName.FromKey(key);
            _names.Add(key, name);
        }

        return name;
    }
}
