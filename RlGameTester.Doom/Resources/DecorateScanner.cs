using System.Globalization;
using System.Text;

namespace RlGameTester.Doom.Resources;

/// <summary>
/// Finds the editor numbers a DECORATE lump gives new actors (<c>actor Name : Parent replaces Other 9112</c>),
/// so that things using them are not reported as unknown. It reads actor headers only, not their bodies.
/// </summary>
internal static class DecorateScanner
{
    public static List<int> EditorNumbers(ReadOnlySpan<byte> lump)
    {
        var numbers = new List<int>();
        var text = StripComments(Encoding.UTF8.GetString(lump));
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length < 6 || !line.StartsWith("actor", StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(line[5]))
            {
                continue;
            }

            var header = line;
            var brace = header.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                header = header[..brace];
            }

            var words = header.Replace(":", " ", StringComparison.Ordinal)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

            // "actor" Name [Parent] ["replaces" Other] [number]: the number, when present, is the last word.
            if (words.Length >= 3 &&
                int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
                number > 0)
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    private static string StripComments(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;

                // Keep the line breaks so that headers after the comment still start a line.
                for (var k = i; k < stop; k++)
                {
                    if (text[k] == '\n')
                    {
                        builder.Append('\n');
                    }
                }

                i = stop;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }
}
