using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// A parsed UDMF text map: its global assignments (namespace first among them) and its blocks in order.
/// The parser follows UDMF 1.1: unknown blocks and keys are kept, not rejected.
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
    /// <exception cref="WadFormatException">The text breaks the grammar; the message gives the line.</exception>
    public static UdmfDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new UdmfTokenizer(text);
        var globals = new Dictionary<string, UdmfValue>(StringComparer.Ordinal);
        var blocks = new List<UdmfBlock>();
        while (true)
        {
            var token = tokens.Next();
            if (token.Kind == UdmfTokenKind.End)
            {
                break;
            }

            if (token.Kind != UdmfTokenKind.Identifier)
            {
                throw tokens.Error($"expected a block name or a global assignment, found {Describe(token)}");
            }

            var name = token.Text.ToLowerInvariant();
            var after = tokens.Next();
            if (after.Kind == UdmfTokenKind.Equals)
            {
                globals[name] = ReadValueAndSemicolon(tokens, name);
            }
            else if (after.Kind == UdmfTokenKind.OpenBrace)
            {
                blocks.Add(ReadBlock(tokens, name, token.Line));
            }
            else
            {
                throw tokens.Error($"expected '=' or '{{' after \"{token.Text}\", found {Describe(after)}");
            }
        }

        return new UdmfDocument(globals, blocks);
    }

    private static UdmfBlock ReadBlock(UdmfTokenizer tokens, string name, int line)
    {
        var fields = new Dictionary<string, UdmfValue>(StringComparer.Ordinal);
        while (true)
        {
            var token = tokens.Next();
            if (token.Kind == UdmfTokenKind.CloseBrace)
            {
                return new UdmfBlock(name, line, fields);
            }

            if (token.Kind == UdmfTokenKind.End)
            {
                throw tokens.Error($"the {name} block opened on line {line} is never closed with '}}'");
            }

            // "assignment_expr := ... | nil": tolerate stray semicolons.
            if (token.Kind == UdmfTokenKind.Semicolon)
            {
                continue;
            }

            if (token.Kind != UdmfTokenKind.Identifier)
            {
                throw tokens.Error($"expected a field name in the {name} block, found {Describe(token)}");
            }

            var equals = tokens.Next();
            if (equals.Kind != UdmfTokenKind.Equals)
            {
                throw tokens.Error($"expected '=' after \"{token.Text}\", found {Describe(equals)}");
            }

            var key = token.Text.ToLowerInvariant();
            fields[key] = ReadValueAndSemicolon(tokens, key);
        }
    }

    private static UdmfValue ReadValueAndSemicolon(UdmfTokenizer tokens, string key)
    {
        var token = tokens.Next();
        var value = token.Kind switch
        {
            UdmfTokenKind.Integer => new UdmfValue(UdmfValueKind.WholeNumber, token.Number, null, token.Line),
            UdmfTokenKind.Float => new UdmfValue(UdmfValueKind.Fraction, token.Number, null, token.Line),
            UdmfTokenKind.String => new UdmfValue(UdmfValueKind.Text, 0, token.Text, token.Line),
            UdmfTokenKind.Identifier or UdmfTokenKind.Keyword => Keyword(token),
            _ => throw tokens.Error($"expected a value for \"{key}\", found {Describe(token)}"),
        };
        var semicolon = tokens.Next();
        if (semicolon.Kind != UdmfTokenKind.Semicolon)
        {
            throw tokens.Error($"expected ';' after the value of \"{key}\", found {Describe(semicolon)}");
        }

        return value;
    }

    private static UdmfValue Keyword(UdmfToken token)
    {
        if (string.Equals(token.Text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return new UdmfValue(UdmfValueKind.Boolean, 1, null, token.Line);
        }

        if (string.Equals(token.Text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new UdmfValue(UdmfValueKind.Boolean, 0, null, token.Line);
        }

        return new UdmfValue(UdmfValueKind.Keyword, 0, token.Text, token.Line);
    }

    private static string Describe(UdmfToken token) => token.Kind switch
    {
        UdmfTokenKind.End => "the end of the text",
        UdmfTokenKind.String => $"the string \"{Shorten(token.Text)}\"",
        _ => $"\"{Shorten(token.Text)}\"",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
