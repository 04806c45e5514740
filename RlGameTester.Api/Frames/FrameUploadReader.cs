using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data.Frames;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Api.Frames;

/// <summary>
/// Reads a multipart frame upload as it streams in, within the limits (413 as soon as one is passed), spooling its files
/// to disk, opens zip archives, gives each frame its tick (from its name, or the <c>ticks</c> field) and checks every
/// frame (tick, header, size, a full decode, no more at once than the decode gate allows). One 400 names every bad
/// file; nothing is stored until every frame has passed.
/// </summary>
internal sealed class FrameUploadReader(FrameUploadOptions limits, FrameSpool spool, FrameDecodeGate gate)
{
    public const string FramesField = "frames";
    public const string TicksField = "ticks";
    public const string EpisodeField = "episode";

    /// <summary>Reasons kept per field: a request of 1,000 bad files gets a readable answer, not 1,000 lines.</summary>
    private const int MaxReasonsPerField = 20;

    /// <summary>The most a text field may hold (a tick list of <c>MaxFramesPerRequest</c> values fits easily).</summary>
    private const int MaxFieldBytes = 1 << 20;

    /// <summary>Name, extra field and comment bytes one archive entry may have: a name of a few hundred characters fits.</summary>
    private const int MaxEntryVariableBytes = 4096;

    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;

    private static ReadOnlySpan<byte> EmptyZipSignature => "PK\u0005\u0006"u8;

    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly Dictionary<string, int> _suppressed = [];
    private readonly List<(string Name, SpooledFile File)> _files = [];
    private readonly List<Candidate> _candidates = [];
    private long _received;
    private long _unpacked;
    private int _entries;
    private bool _hasArchive;
    private string? _ticks;
    private string? _episode;

    public async Task<FrameUploadRead> ReadAsync(Stream body, string boundary, CancellationToken cancellationToken)
    {
        if (await ReadPartsAsync(body, boundary, cancellationToken) is { } refused)
        {
            return FrameUploadRead.Refuse(refused);
        }

        if (_files.Count == 0)
        {
            Add(FramesField, $"is required: send PNG or JPEG frames (or zip archives of them) as multipart/form-data in the field '{FramesField}'.");
        }

        var episode = ParseEpisode();
        foreach (var (name, file) in _files)
        {
            var refusal = IsZip(name, file) ? await UnpackAsync(name, file, cancellationToken) : Take(new Candidate(name, name, file));
            if (refusal is not null)
            {
                return FrameUploadRead.Refuse(refusal);
            }
        }

        AssignTicks();
        var frames = await CheckAsync(cancellationToken);
        return _errors.Count > 0 ? FrameUploadRead.Reject(Problem()) : new FrameUploadRead(frames, episode);
    }

    /// <summary>Reads the parts, files to the spool; a 413 when the request passes a limit.</summary>
    private async Task<ProblemHttpResult?> ReadPartsAsync(Stream body, string boundary, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        try
        {
            for (var part = await reader.ReadNextSectionAsync(cancellationToken); part is not null; part = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(part.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } field)
                {
                    Add("body", "every part must be form-data with a field name.");
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    var name = FileName(disposition);
                    if (field != FramesField)
                    {
                        Add(field, $"'{name}' was sent in the field '{field}': frames go in the field '{FramesField}'.");
                        continue;
                    }

                    if (_files.Count >= limits.MaxFramesPerRequest)
                    {
                        return TooManyFrames();
                    }

                    var file = await spool.WriteAsync(part.Body, limits.MaxRequestBytes - _received, cancellationToken);
                    if (file is null)
                    {
                        return RequestTooLarge();
                    }

                    _received += file.Length;
                    if (!IsZip(name, file) && file.Length > limits.MaxFrameBytes)
                    {
                        return FrameTooLarge(name, file.Length);
                    }

                    _files.Add((name, file));
                    continue;
                }

                var value = await ReadAtMostAsync(part.Body, MaxFieldBytes, cancellationToken);
                var text = value is null ? null : Encoding.UTF8.GetString(value);
                switch (field)
                {
                    case TicksField when text is not null:
                        _ticks = text;
                        break;
                    case EpisodeField when text is not null:
                        _episode = text;
                        break;
                    case TicksField or EpisodeField:
                        Add(field, $"is longer than {MaxFieldBytes} bytes.");
                        break;
                    default:
                        Add(field, $"is not a field of this upload; the fields are '{FramesField}' (files), '{TicksField}' and '{EpisodeField}'.");
                        break;
                }
            }
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // A body cut short or with a broken boundary. Kestrel's own body limit (BadHttpRequestException) becomes a 413 upstream.
            Add("body", $"is not a readable multipart/form-data body: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            Add("body", $"is not a readable multipart/form-data body: {e.Message}");
        }

        return null;
    }

    /// <summary>
    /// The archive's files become frames named <c>archive.zip/inner/name.png</c>, unpacked to the spool; a 413 when it
    /// unpacks past the limits or holds more entries (of any kind) than the request may.
    /// </summary>
    private async Task<ProblemHttpResult?> UnpackAsync(string archiveName, SpooledFile file, CancellationToken cancellationToken)
    {
        _hasArchive = true;
        try
        {
            await using var content = file.OpenRead();
            _entries += ZipCentralDirectory.CountEntries(content, limits.MaxArchiveEntries - _entries, MaxEntryVariableBytes);
            if (_entries > limits.MaxArchiveEntries)
            {
                return UploadBody.TooLarge("Too many archive entries",
                    $"The archives of this request hold more than {limits.MaxArchiveEntries} entries (Frames:MaxArchiveEntries, counting folders and every other entry); '{archiveName}' passed it.");
            }

            content.Position = 0;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                // Folders, and the resource forks macOS adds to the archives it makes.
                if (path.EndsWith('/') || path.StartsWith("__MACOSX/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (LeavesArchive(path))
                {
                    Add(FramesField, $"'{archiveName}' holds '{path}', a name that points outside the archive (an absolute path or '..'): the archive is refused.");
                    continue;
                }

                if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    Add(FramesField, $"'{archiveName}' holds another archive, '{path}': archives inside archives are not accepted.");
                    continue;
                }

                var name = $"{archiveName}/{path}";
                if (entry.Length > limits.MaxFrameBytes)
                {
                    return FrameTooLarge(name, entry.Length);
                }

                SpooledFile? unpacked;
                await using (var stream = entry.Open())
                {
                    // The header's size is the archive's claim: read no more than the limit whatever it says.
                    unpacked = await spool.WriteAsync(stream, limits.MaxFrameBytes, cancellationToken);
                }

                if (unpacked is null)
                {
                    return FrameTooLarge(name, limits.MaxFrameBytes + 1);
                }

                _unpacked += unpacked.Length;
                if (_unpacked > limits.MaxRequestBytes)
                {
                    return UploadBody.TooLarge("Archive too large",
                        $"The archives of this request unpack to more than {limits.MaxRequestBytes} bytes (Frames:MaxRequestBytes); '{archiveName}' passed it.");
                }

                if (unpacked.Head.Span.StartsWith(ZipSignature))
                {
                    Add(FramesField, $"'{archiveName}' holds another archive, '{path}': archives inside archives are not accepted.");
                    continue;
                }

                if (Take(new Candidate(name, path, unpacked)) is { } refusal)
                {
                    return refusal;
                }
            }
        }
        catch (InvalidDataException e)
        {
            Add(FramesField, $"'{archiveName}' is not a readable zip archive: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            Add(FramesField, $"'{archiveName}' cannot be opened (encrypted, or an unsupported compression): {e.Message}");
        }

        return null;
    }

    private ProblemHttpResult? Take(Candidate candidate)
    {
        if (_candidates.Count >= limits.MaxFramesPerRequest)
        {
            return TooManyFrames();
        }

        _candidates.Add(candidate);
        return null;
    }

    /// <summary>Ticks from the <c>ticks</c> field (one per file, in order) or else from each file's name.</summary>
    private void AssignTicks()
    {
        if (_ticks is null)
        {
            foreach (var candidate in _candidates)
            {
                candidate.Tick = FrameNames.TickOfFile(candidate.TickSource);
                if (candidate.Tick is null)
                {
                    Add(FramesField, $"'{candidate.Name}' has no tick in its name: name frames 000123.png, frame_123.jpg or tick-123.png, or give the '{TicksField}' field.");
                }
            }

            return;
        }

        if (_hasArchive)
        {
            Add(TicksField, "cannot be used with zip archives: the ticks of an archive's frames come from their names.");
            return;
        }

        var values = _ticks.Split(',', StringSplitOptions.TrimEntries);
        if (values.Length != _candidates.Count)
        {
            Add(TicksField, $"has {values.Length} value(s) for {_candidates.Count} file(s): give one tick per file, in the order of the files.");
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (long.TryParse(values[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tick))
            {
                _candidates[i].Tick = tick;
            }
            else
            {
                Add(TicksField, $"'{values[i]}' (value {i + 1}, for '{_candidates[i].Name}') is not a whole number.");
            }
        }
    }

    /// <summary>Every per-frame check; the frames that passed all of them, in tick order.</summary>
    private async Task<List<UploadedFrame>> CheckAsync(CancellationToken cancellationToken)
    {
        var byTick = new Dictionary<long, string>();
        var timed = new List<Candidate>();
        foreach (var candidate in _candidates)
        {
            var name = candidate.Name;
            if (candidate.Tick is not { } tick)
            {
                continue;
            }

            if (tick < 0)
            {
                Add(FramesField, $"'{name}' has a negative tick ({tick}); ticks start at 0.");
                continue;
            }

            if (tick > FrameNames.MaxTick)
            {
                Add(FramesField, $"'{name}' has tick {tick}, above the largest a frame may have ({FrameNames.MaxTick}).");
                continue;
            }

            if (!byTick.TryAdd(tick, name))
            {
                Add(FramesField, $"'{name}' has tick {tick}, as '{byTick[tick]}' does: one frame per tick.");
                continue;
            }

            timed.Add(candidate);
        }

        // Reading and decoding hold a frame's bytes and picture in memory: only as many at once as the gate allows.
        var checks = new FrameCheck[timed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, timed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = limits.MaxConcurrentDecodes, CancellationToken = cancellationToken },
            async (i, token) => checks[i] = await gate.RunAsync(() => CheckPicture(timed[i]), token));

        var frames = new List<UploadedFrame>(timed.Count);
        for (var i = 0; i < timed.Count; i++)
        {
            if (checks[i].Problem is { } problem)
            {
                Add(FramesField, $"'{timed[i].Name}' {problem}");
            }
            else
            {
                frames.Add(new UploadedFrame(timed[i].Name, (int)timed[i].Tick!.Value, checks[i].Image!, timed[i].File));
            }
        }

        frames.Sort((a, b) => a.Tick.CompareTo(b.Tick));
        return frames;
    }

    /// <summary>The frame's header, size and a full decode (the frame checks decode it the same way).</summary>
    private FrameCheck CheckPicture(Candidate candidate)
    {
        var bytes = candidate.File.ReadAll();
        if (FrameImageHeader.Read(bytes, out var problem) is not { } image)
        {
            return new FrameCheck(null, problem);
        }

        if (image.Width > limits.MaxWidth || image.Height > limits.MaxHeight)
        {
            return new FrameCheck(null, $"is {image.Width}x{image.Height} pixels; the largest accepted is {limits.MaxWidth}x{limits.MaxHeight} (Frames:MaxWidth, Frames:MaxHeight).");
        }

        if (image.Width < limits.MinWidth || image.Height < limits.MinHeight)
        {
            return new FrameCheck(null, $"is {image.Width}x{image.Height} pixels; the frame checks need at least {limits.MinWidth}x{limits.MinHeight}.");
        }

        return FrameDecoding.Decodes(bytes, image)
            ? new FrameCheck(image, null)
            : new FrameCheck(null, $"has a {(image.Kind == FrameImageKind.Png ? "PNG" : "JPEG")} header but its picture cannot be decoded: the image data is corrupt.");
    }

    private int? ParseEpisode()
    {
        if (string.IsNullOrWhiteSpace(_episode))
        {
            return null;
        }

        if (int.TryParse(_episode.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var episode) && episode >= 0)
        {
            return episode;
        }

        Add(EpisodeField, $"must be a whole number, 0 or more; got '{_episode.Trim()}'.");
        return null;
    }

    private void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        if (reasons.Count < MaxReasonsPerField)
        {
            reasons.Add(reason);
        }
        else
        {
            _suppressed[field] = _suppressed.GetValueOrDefault(field) + 1;
        }
    }

    private ValidationProblem Problem()
    {
        foreach (var (field, count) in _suppressed)
        {
            _errors[field].Add($"... and {count} more problem(s) of this field.");
        }

        return TypedResults.ValidationProblem(
            _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
            title: "The frames are not valid",
            detail: string.Join(" ", _errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}")));
    }

    private ProblemHttpResult TooManyFrames() =>
        UploadBody.TooLarge("Too many frames",
            $"The request holds more than {limits.MaxFramesPerRequest} frames (Frames:MaxFramesPerRequest), counting those in archives: send them in several requests.");

    private ProblemHttpResult RequestTooLarge() =>
        UploadBody.TooLarge("Request too large",
            $"The request is larger than {limits.MaxRequestBytes} bytes (Frames:MaxRequestBytes): send the frames in several requests.");

    private ProblemHttpResult FrameTooLarge(string name, long size) =>
        UploadBody.TooLarge("Frame too large",
            $"'{name}' is {size} bytes; the largest frame accepted is {limits.MaxFrameBytes} bytes (Frames:MaxFrameBytes).");

    private static bool IsZip(string name, SpooledFile file) =>
        file.Head.Span.StartsWith(ZipSignature) || file.Head.Span.StartsWith(EmptyZipSignature)
        || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>An absolute path, a drive, or a '..' step: extracted anywhere, it would land outside the folder.</summary>
    private static bool LeavesArchive(string path) =>
        path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':')
        || path.Split('/').Any(step => step == "..");

    private static string FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        name = string.IsNullOrWhiteSpace(name) ? "(unnamed file)" : name;
        return name.Length <= 200 ? name : name[..200] + "...";
    }

    /// <summary>A text field's bytes, or null when it holds more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>A frame being read: its name for messages, the name its tick comes from, its spooled file and tick.</summary>
    private sealed class Candidate(string name, string tickSource, SpooledFile file)
    {
        public string Name { get; } = name;

        public string TickSource { get; } = tickSource;

        public SpooledFile File { get; } = file;

        public long? Tick { get; set; }
    }

    /// <summary>What checking one frame's picture gave: its header, or why it was refused.</summary>
    private readonly record struct FrameCheck(FrameImageInfo? Image, string? Problem);
}
