using System.Buffers.Binary;

namespace RlGameTester.Api.Frames;

/// <summary>
/// Counts a zip archive's entries by walking its central directory, header by header, before the archive is opened.
/// .NET's <c>ZipArchive</c> builds an object for every entry (name and extra fields included) the moment its entries
/// are asked for, however many the directory holds and whatever count the end record claims; a small archive of
/// millions of empty entries would take gigabytes. The walk allocates nothing per entry and stops past the limit.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int Zip64EndLength = 56;
    private const int EntryLength = 46;

    /// <summary>The end record sits in the last 22 bytes plus a comment of at most 65,535.</summary>
    private const int EndSearchLength = EndLength + ushort.MaxValue;

    /// <summary>
    /// The number of entries, or <paramref name="maxEntries"/> + 1 as soon as there are more. Throws
    /// <see cref="InvalidDataException"/> (with the reason) for an archive whose directory cannot be walked, or whose
    /// entry has a name, extra field or comment longer than <paramref name="maxVariableBytes"/> in all.
    /// </summary>
    public static int CountEntries(Stream archive, int maxEntries, int maxVariableBytes)
    {
        var offset = DirectoryOf(archive);
        if (offset < 0 || offset > archive.Length)
        {
            throw new InvalidDataException("its central directory lies outside the file.");
        }

        // Up to the first header that is not an entry's, not to the directory's recorded size: the archive reader does
        // the same, so entries past a size that lies are counted too.
        archive.Position = offset;
        Span<byte> header = stackalloc byte[EntryLength];
        var count = 0;
        while (archive.Position + EntryLength <= archive.Length)
        {
            archive.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature)
            {
                break;
            }

            if (++count > maxEntries)
            {
                return count;
            }

            var variable = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[30..])
                + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (variable > maxVariableBytes)
            {
                throw new InvalidDataException($"entry {count} has {variable} bytes of name, extra field and comment; at most {maxVariableBytes} are accepted.");
            }

            archive.Position += variable;
        }

        return count;
    }

    /// <summary>Where the central directory starts, from the end record (or its zip64 form).</summary>
    private static long DirectoryOf(Stream archive)
    {
        var tailLength = (int)Math.Min(archive.Length, EndSearchLength);
        var tail = new byte[tailLength];
        archive.Position = archive.Length - tailLength;
        archive.ReadExactly(tail);
        var at = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (at < 0 || at + EndLength > tail.Length || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
        {
            throw new InvalidDataException("it has no end of central directory record.");
        }

        var end = tail.AsSpan(at);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        if (offset != uint.MaxValue)
        {
            return offset;
        }

        // Zip64: the locator just before the end record gives the zip64 end record, which holds the real values.
        var locatorAt = archive.Length - tailLength + at - Zip64LocatorLength;
        if (locatorAt < 0)
        {
            throw new InvalidDataException("it is a zip64 archive without its zip64 locator.");
        }

        Span<byte> locator = stackalloc byte[Zip64LocatorLength];
        archive.Position = locatorAt;
        archive.ReadExactly(locator);
        var zip64At = BinaryPrimitives.ReadInt64LittleEndian(locator[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature || zip64At < 0 || zip64At + Zip64EndLength > archive.Length)
        {
            throw new InvalidDataException("it is a zip64 archive without a readable zip64 locator.");
        }

        Span<byte> zip64 = stackalloc byte[Zip64EndLength];
        archive.Position = zip64At;
        archive.ReadExactly(zip64);
        if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature)
        {
            throw new InvalidDataException("it is a zip64 archive without its zip64 end record.");
        }

        return BinaryPrimitives.ReadInt64LittleEndian(zip64[48..]);
    }
}
