namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Splits a UTF-8 stream into lines of UTF-8 bytes without copying them: the stream is read into blocks and each line is
/// a slice of its block. Line ends are <c>\n</c>, <c>\r\n</c> or <c>\r</c> (as <see cref="TextReader.ReadLine"/>), and a
/// byte order mark at the start is skipped.
/// </summary>
/// <remarks>
/// A block is filled once and never written again: the lines handed out (which events keep as their raw text) hold it,
/// and it is collected when the last of them goes. Memory is bounded: a line longer than <see cref="MaxLineBytes"/> is
/// handed out in pieces of that length. The bytes are passed on as read; <see cref="ArnoldLogParser"/> replaces invalid
/// UTF-8. Not thread-safe; the stream is not disposed.
/// </remarks>
internal sealed class LogLineReader(Stream stream)
{
    /// <summary>Bytes per block: 64 KB, below the large object heap's threshold, so blocks die young and cheaply.</summary>
    public const int BlockBytes = 1 << 16;

    /// <summary>The longest line handed out whole; a longer one comes in pieces of this many bytes.</summary>
    public const int MaxLineBytes = 1 << 20;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private byte[] _block = GC.AllocateUninitializedArray<byte>(BlockBytes);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    // The last line ended with '\r': a '\n' right after it belongs to that line end.
    private bool _skipLineFeed;

    /// <summary>The next line, blocking on the stream when none is buffered; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (!TryTakeLine(out line))
        {
            if (_endOfStream)
            {
                return false;
            }

            var room = MakeRoom(); // First: it may move to a new block.
            Filled(stream.Read(_block, _end, room));
        }

        return true;
    }

    /// <summary>The next line as it becomes available; null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> line;
        while (!TryTakeLine(out line))
        {
            if (_endOfStream)
            {
                return null;
            }

            var room = MakeRoom(); // First: it may move to a new block.
            Filled(await stream.ReadAsync(_block.AsMemory(_end, room), cancellationToken));
        }

        return line;
    }

    private bool TryTakeLine(out ReadOnlyMemory<byte> line)
    {
        line = default;
        if (_atStart)
        {
            // Undecided until the first three bytes are in (or the stream ended before them).
            if (_end - _start < ByteOrderMark.Length && !_endOfStream)
            {
                return false;
            }

            _atStart = false;
            if (_block.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
            {
                _start += ByteOrderMark.Length;
            }
        }

        if (_skipLineFeed && _start < _end)
        {
            _skipLineFeed = false;
            if (_block[_start] == (byte)'\n')
            {
                _start++;
            }
        }

        var buffered = _block.AsSpan(_start, _end - _start);
        var end = buffered.IndexOfAny((byte)'\n', (byte)'\r');
        if (end >= 0)
        {
            line = _block.AsMemory(_start, end);
            _skipLineFeed = buffered[end] == (byte)'\r';
            _start += end + 1;
            return true;
        }

        if (buffered.Length >= MaxLineBytes || (_endOfStream && !buffered.IsEmpty))
        {
            var length = Math.Min(buffered.Length, MaxLineBytes);
            line = _block.AsMemory(_start, length);
            _start += length;
            return true;
        }

        return false;
    }

    /// <summary>Makes sure the block has room to read into; returns how many bytes to read.</summary>
    private int MakeRoom()
    {
        if (_block.Length - _end < BlockBytes / 2)
        {
            // A new block (the old one belongs to the lines handed out), starting with the line not finished yet.
            var unfinished = _end - _start;
            var next = GC.AllocateUninitializedArray<byte>(Math.Max(BlockBytes, unfinished * 2));
            _block.AsSpan(_start, unfinished).CopyTo(next);
            _block = next;
            _start = 0;
            _end = unfinished;
        }

        return _block.Length - _end;
    }

    private void Filled(int read)
    {
        _endOfStream = read == 0;
        _end += read;
    }
}
