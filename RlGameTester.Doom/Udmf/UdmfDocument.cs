using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// A parsed UDMF text map: its global assignments (namespace first among them) and its blocks in order.
/// The parser reads what the ports read (see <see cref="UdmfParser"/>): unknown blocks and keys are kept, not rejected.
/// </summary>
public sealed class UdmfDocument
{
    private UdmfDocument(IReadOnlyDictionary<string, UdmfValue> globals, IReadOnlyList<UdmfBlock> blocks)
    {
        Globals = globals;
        Blocks = blocks;
    }

    /// <summary>The <c>namespace</c> assignment, lower-cased, or null when absent.</summary>
    public string? Namespace =>
        Globals.TryGetValue("namespace", out var ns) && ns.Text is { } text ? text.ToLowerInvariant() : null;

    public IReadOnlyDictionary<string, UdmfValue> Globals { get; }

    public IReadOnlyList<UdmfBlock> Blocks { get; }

    /// <summary>Parses UDMF text.</summary>
    /// <exception cref="WadFormatException">The text breaks the grammar or a size limit; the message gives the line.</exception>
    public static UdmfDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new UdmfParser(text);
        var globals = new Dictionary<string, UdmfValue>(StringComparer.Ordinal);
        var blocks = new List<UdmfBlock>();
        while (parser.Next(out var statement))
        {
            if (statement.Block is { } block)
            {
                blocks.Add(block);
            }
            else
            {
                globals[statement.Name] = statement.Value;
            }
        }

        return new UdmfDocument(globals, blocks);
    }
}
