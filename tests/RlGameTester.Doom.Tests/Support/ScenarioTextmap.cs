using System.Text;

namespace RlGameTester.Doom.Tests.Support;

/// <summary>
/// A real UDMF level (a ViZDoom scenario WAD, written by SLADE: each block starts <c>kind//#index</c>) whose TEXTMAP
/// tests edit as text, block by block, and write back with the WAD's other lumps unchanged.
/// </summary>
internal sealed class ScenarioTextmap
{
    private readonly List<(string Name, byte[] Data)> _lumps;
    private readonly int _textmapIndex;

    private ScenarioTextmap(List<(string Name, byte[] Data)> lumps, int textmapIndex)
    {
        _lumps = lumps;
        _textmapIndex = textmapIndex;
        Text = Encoding.UTF8.GetString(lumps[textmapIndex].Data);
    }

    public string Text { get; set; }

    /// <summary>The first TEXTMAP of a scenario WAD.</summary>
    public static ScenarioTextmap Load(string scenario)
    {
        var bytes = Fixtures.ScenarioBytes(scenario);
        var lumps = RawLumps.Directory(bytes).Select(e => (e.Name, bytes.AsSpan(e.Offset, e.Size).ToArray())).ToList();
        return new ScenarioTextmap(lumps, lumps.FindIndex(l => l.Name == "TEXTMAP"));
    }

    public byte[] ToWad()
    {
        var copy = _lumps.ToList();
        copy[_textmapIndex] = ("TEXTMAP", Encoding.UTF8.GetBytes(Text));
        return WadWriter.Write(copy);
    }

    /// <summary>Adds assignments at the start of a block.</summary>
    public ScenarioTextmap Insert(string kind, int index, string fields) => Edit(kind, index, body => "\n" + fields + body);

    /// <summary>Adds assignments at the end of a block, where they win over earlier ones.</summary>
    public ScenarioTextmap Append(string kind, int index, string fields) => Edit(kind, index, body => body + "\n" + fields);

    /// <summary>Replaces the first occurrence of <paramref name="old"/> inside a block.</summary>
    public ScenarioTextmap Replace(string kind, int index, string old, string replacement) => Edit(kind, index, body =>
    {
        var at = body.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{kind} {index} has no \"{old}\"");
        return body[..at] + replacement + body[(at + old.Length)..];
    });

    /// <summary>Changes a block's text between its braces.</summary>
    public ScenarioTextmap Edit(string kind, int index, Func<string, string> edit)
    {
        var head = $"\n{kind}//#{index}\n{{";
        var start = Text.IndexOf(head, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {kind} {index}");
        start += head.Length;
        var end = Text.IndexOf("\n}", start, StringComparison.Ordinal);
        Text = Text[..start] + edit(Text[start..end]) + Text[end..];
        return this;
    }
}
