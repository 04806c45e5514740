using System.Text;
using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

/// <summary>
/// The parser's line reader splits UTF-8 streams as <see cref="StreamReader.ReadLine"/> does, however the stream hands
/// out its bytes, and keeps each line as a slice of a block that is never written again.
/// </summary>
public sealed class LogLineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100_000)]
    public void LinesComeOutAsAStreamReaderReadsThemWhateverTheReadSizes(int readSize)
    {
        var text = "\uFEFFfirst\nsecond\r\nthird\rfourth\r\n\r\nsixth after a blank — é ✓\n" + new string('x', 70_000) + "\nlast without an end";
        var expected = ReadLinesWithStreamReader(text);

        var lines = ReadAll(Encoding.UTF8.GetBytes(text), readSize);

        Assert.Equal(expected, lines.Select(l => Encoding.UTF8.GetString(l.Span)));
        Assert.Equal("first", Encoding.UTF8.GetString(lines[0].Span)); // the byte order mark is not part of the first line
    }

    [Fact]
    public void ALineKeepsItsBytesAfterTheReaderMovesOnThroughManyBlocks()
    {
        var text = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"INFO [1] - line {i} {new string('y', i % 50)}"));

        var lines = ReadAll(Encoding.UTF8.GetBytes(text), readSize: 4096);

        Assert.Equal(20_000, lines.Count);
        Assert.Equal("INFO [1] - line 0 ", Encoding.UTF8.GetString(lines[0].Span));
        Assert.Equal($"INFO [1] - line 12345 {new string('y', 12345 % 50)}", Encoding.UTF8.GetString(lines[12345].Span));
    }

    [Fact]
    public void AnEndlessLineIsHandedOutInPiecesToBoundMemory()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('z', (2 * LogLineReader.MaxLineBytes) + 10) + "\nnext");

        var lines = ReadAll(bytes, readSize: 1 << 16);

        Assert.Equal([LogLineReader.MaxLineBytes, LogLineReader.MaxLineBytes, 10, 4], lines.Select(l => l.Length));
    }

    [Fact]
    public void AnEmptyStreamHasNoLines()
    {
        Assert.Empty(ReadAll([], readSize: 10));
        Assert.Empty(ReadAll([0xEF, 0xBB, 0xBF], readSize: 1));
    }

    [Fact]
    public void InvalidUtf8BecomesReplacementCharactersInTheEventsRawTextAndItsPayload()
    {
        var line = Encoding.UTF8.GetBytes("INFO [7] - 02/14/26 10:00:00 - 0:00:00 - Found weapon: ")
            .Concat(new byte[] { 0xC3, 0x28, (byte)'X' }).ToArray();
        var events = new List<TelemetryEvent>();

        new ArnoldLogParser().Feed(line, events);

        var pickup = Assert.Single(events);
        Assert.Equal(EventType.WeaponPickup, pickup.Type);
        Assert.EndsWith("Found weapon: \uFFFD(X", pickup.RawText, StringComparison.Ordinal);
        Assert.Contains("\"weapon\":\"\uFFFD(X\"", pickup.DataJson, StringComparison.Ordinal);
        Assert.True(System.Text.Unicode.Utf8.IsValid(pickup.RawUtf8!.Value.Span));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void ARecordOverSeveralLinesHasTheSameRawTextWhateverTheLineEnds(string lineEnd)
    {
        string[] lines =
        [
            "INFO [7] - 02/14/26 10:00:00 - 0:00:00 - scenario: deathmatch",
            "                                          frame_skip: 2",
            "                                          episode_time: 120",
            "INFO [7] - 02/14/26 10:00:00 - 0:00:00 - Kill",
        ];

        var events = new ArnoldLogParser().Parse(new MemoryStream(Encoding.UTF8.GetBytes(string.Join(lineEnd, lines)))).ToList();

        var config = Assert.Single(events, e => e.Type == EventType.Config);
        Assert.Equal(string.Join('\n', lines[..3]), config.RawText);
        Assert.Equal(lines[3], Assert.Single(events, e => e.Type == EventType.Kill).RawText);
    }

    [Fact]
    public async Task ReadingAsynchronouslyGivesTheSameLines()
    {
        var bytes = Encoding.UTF8.GetBytes("a\r\nb\rc\n\nd");
        var reader = new LogLineReader(new TrickleStream(bytes, 1));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        Assert.Equal(["a", "b", "c", "", "d"], lines);
    }

    private static List<ReadOnlyMemory<byte>> ReadAll(byte[] bytes, int readSize)
    {
        var reader = new LogLineReader(new TrickleStream(bytes, readSize));
        var lines = new List<ReadOnlyMemory<byte>>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static List<string> ReadLinesWithStreamReader(string text)
    {
        using var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a pipe or a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, readSize)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
