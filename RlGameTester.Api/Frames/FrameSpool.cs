namespace RlGameTester.Api.Frames;

/// <summary>
/// The files of one frame upload on local disk while they are checked and stored: the parts of the request and the
/// files unpacked from its archives are written here as they stream in, so an upload of 128 MiB holds a few buffers in
/// memory, not 128 MiB (or twice that with its archives unpacked). The folder goes when the upload is done.
/// </summary>
internal sealed class FrameSpool : IDisposable
{
    private const int BufferBytes = 81920;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rlgt-frames-");
    private int _files;

    /// <summary>
    /// Copies <paramref name="source"/> to a file of the spool; null (and nothing kept) when it holds more than
    /// <paramref name="limit"/> bytes, which are never all read.
    /// </summary>
    public async Task<SpooledFile?> WriteAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder.FullName, $"{Interlocked.Increment(ref _files):D6}");
        var head = new byte[SpooledFile.HeadLength];
        long length = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (length + read > limit)
                {
                    target.Close();
                    File.Delete(path);
                    return null;
                }

                if (length < head.Length)
                {
                    buffer.AsSpan(0, (int)Math.Min(read, head.Length - length)).CopyTo(head.AsSpan((int)length));
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }

        return new SpooledFile(path, length, head.AsMemory(0, (int)Math.Min(length, head.Length)));
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own cleaning; the upload's answer does not depend on it.
        }
    }
}

/// <summary>A file of a <see cref="FrameSpool"/>: its path, length and first bytes (enough to tell a zip from a frame).</summary>
internal sealed record SpooledFile(string Path, long Length, ReadOnlyMemory<byte> Head)
{
    public const int HeadLength = 8;

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);

    public byte[] ReadAll() => File.ReadAllBytes(Path);
}
