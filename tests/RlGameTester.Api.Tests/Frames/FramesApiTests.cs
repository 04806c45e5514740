using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Frames;
using RlGameTester.Domain.Bugs;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests.Frames;

/// <summary>
/// Frame uploads against the real Api, PostgreSQL, Redis and Azurite: frames of freedoom graphics stored one blob per
/// tick, listed, served, queued for the frame checks; every bad input answers its 4xx naming the file and stores nothing.
/// </summary>
public sealed class FramesApiTests(FramesApiFactory factory) : IClassFixture<FramesApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FramesNamedByTickAreStoredListedServedAndQueuedForTheFrameChecks()
    {
        var runId = await RunAsync();
        var files = new (string Name, byte[] Bytes)[]
        {
            ("000010.png", DoomFrames.Encoded(0)),
            ("frame_20.jpg", DoomFrames.Encoded(1, ".jpg")),
            ("tick-30.png", DoomFrames.Encoded(2)),
            ("f40.jpeg", DoomFrames.Encoded(3, ".jpg")),
        };

        var response = await _client.PostAsync($"/api/runs/{runId}/frames", Form(files), Token);
        var body = await response.ReadJsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(4, body["stored"]!.GetValue<int>());
        Assert.Equal(10, body["first_tick"]!.GetValue<int>());
        Assert.Equal(40, body["last_tick"]!.GetValue<int>());
        Assert.Equal("queued", body["analysis"]!.GetValue<string>());
        var list = await _client.GetOkAsync($"/api/runs/{runId}/frames");
        Assert.Equal(4, list["total"]!.GetValue<int>());
        Assert.Equal([10, 20, 30, 40], list["frames"]!.AsArray().Select(f => f!["tick"]!.GetValue<int>()));
        Assert.Equal([$"runs/{runId}/00000010.png", $"runs/{runId}/00000020.jpg", $"runs/{runId}/00000030.png", $"runs/{runId}/00000040.jpg"],
            list["frames"]!.AsArray().Select(f => f!["blob"]!.GetValue<string>()));
        Assert.Equal(files[1].Bytes.Length, list["frames"]![1]!["size"]!.GetValue<long>());

        var served = await _client.GetAsync($"/api/runs/{runId}/frames/20", Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(files[1].Bytes, await served.Content.ReadAsByteArrayAsync(Token));

        Assert.Equal(new AnalyseFrames(runId), await FrameJobAsync(runId));
    }

    [Fact]
    public async Task TheTicksFieldGivesEachFileItsTickInOrderAndTheEpisodeIsKept()
    {
        var runId = await RunAsync();
        using var form = Form(("a.png", DoomFrames.Encoded(4)), ("b.png", DoomFrames.Encoded(5)), ("c.jpg", DoomFrames.Encoded(6, ".jpg")));
        form.Add(new StringContent("105, 100,110"), "ticks");
        form.Add(new StringContent("2"), "episode");

        var body = await PostCreatedAsync(runId, form);

        Assert.Equal(100, body["first_tick"]!.GetValue<int>());
        Assert.Equal(110, body["last_tick"]!.GetValue<int>());
        var list = await _client.GetOkAsync($"/api/runs/{runId}/frames");
        Assert.Equal([100, 105, 110], list["frames"]!.AsArray().Select(f => f!["tick"]!.GetValue<int>()));
        Assert.All(list["frames"]!.AsArray(), f => Assert.Equal(2, f!["episode"]!.GetValue<int>()));
        // b.png was given tick 100.
        var served = await _client.GetByteArrayAsync($"/api/runs/{runId}/frames/100", Token);
        Assert.Equal(DoomFrames.Encoded(5), served);
    }

    [Fact]
    public async Task AZipOfFramesIsUnpackedAndEachTickComesFromItsFilesName()
    {
        var runId = await RunAsync();
        var zip = Zip(
            ("clip/000001.png", DoomFrames.Encoded(7)),
            ("clip/000002.png", DoomFrames.Encoded(8)),
            ("clip/frame_3.jpg", DoomFrames.Encoded(9, ".jpg")),
            ("clip/", []),
            ("__MACOSX/clip/._000001.png", [0, 5, 22, 7]));

        var body = await PostCreatedAsync(runId, Form(("clip.zip", zip), ("000004.png", DoomFrames.Encoded(10))));

        Assert.Equal(4, body["stored"]!.GetValue<int>());
        var list = await _client.GetOkAsync($"/api/runs/{runId}/frames");
        Assert.Equal([1, 2, 3, 4], list["frames"]!.AsArray().Select(f => f!["tick"]!.GetValue<int>()));
        Assert.Equal(DoomFrames.Encoded(9, ".jpg"), await _client.GetByteArrayAsync($"/api/runs/{runId}/frames/3", Token));
    }

    public static TheoryData<string> BadUploads => new(
        "text-named-png", "corrupt-png", "truncated-png", "truncated-jpeg", "no-tick", "negative-tick", "negative-tick-in-name", "huge-tick",
        "duplicate-ticks", "zip-traversal", "zip-absolute", "nested-zip", "broken-zip", "ticks-count", "ticks-with-zip", "ticks-not-numbers",
        "too-wide", "too-small", "bad-episode", "wrong-field", "no-frames");

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task ABadUploadIsRefusedWithA400NamingTheFileAndStoresNothing(string kind)
    {
        var runId = await RunAsync();
        var good = ("000001.png", DoomFrames.Encoded(11));
        var png = DoomFrames.Encoded(12);
        using var form = kind switch
        {
            "text-named-png" => Form(good, ("000002.png", "<html>not a frame</html>"u8.ToArray())),
            "corrupt-png" => Form(good, ("000002.png", Corrupt(png))),
            "truncated-png" => Form(good, ("000002.png", png[..(png.Length / 2)])),
            "truncated-jpeg" => Form(good, ("000002.jpg", DoomFrames.Encoded(12, ".jpg")[..3000])),
            "no-tick" => Form(good, ("screenshot.png", png)),
            "negative-tick" => WithField(Form(good, ("b.png", png)), "ticks", "1,-5"),
            "negative-tick-in-name" => Form(good, ("frame_-5.png", png)),
            "huge-tick" => Form(good, ("123456789.png", png)),
            "duplicate-ticks" => Form(good, ("frame_1.png", png)),
            "zip-traversal" => Form(good, ("evil.zip", Zip(("000002.png", png), ("../../000003.png", png)))),
            "zip-absolute" => Form(good, ("evil.zip", Zip(("/etc/000003.png", png)))),
            "nested-zip" => Form(good, ("outer.zip", Zip(("000002.png", png), ("inner.zip", Zip(("000003.png", png)))))),
            "broken-zip" => Form(good, ("broken.zip", Zip(("000002.png", png))[..40])),
            "ticks-count" => WithField(Form(good, ("b.png", png)), "ticks", "1,2,3"),
            "ticks-with-zip" => WithField(Form(("clip.zip", Zip(("000002.png", png)))), "ticks", "2"),
            "ticks-not-numbers" => WithField(Form(good, ("b.png", png)), "ticks", "1,two"),
            "too-wide" => Form(good, ("000002.png", DoomFrames.Encoded(13, ".png", FramesApiFactory.MaxWidth + 8, 200))),
            "too-small" => Form(good, ("000002.png", DoomFrames.Encoded(13, ".png", 40, 30))),
            "bad-episode" => WithField(Form(good), "episode", "first"),
            "wrong-field" => FormIn("file", good),
            _ => WithField(new MultipartFormDataContent(), "episode", "1"),
        };
        var expected = kind switch
        {
            "no-tick" => "screenshot.png",
            "negative-tick" => "b.png",
            "negative-tick-in-name" => "frame_-5.png",
            "huge-tick" => "123456789.png",
            "duplicate-ticks" => "frame_1.png",
            "zip-traversal" => "../../000003.png",
            "zip-absolute" => "/etc/000003.png",
            "nested-zip" => "inner.zip",
            "broken-zip" => "broken.zip",
            "ticks-count" => "ticks",
            "ticks-with-zip" => "ticks",
            "ticks-not-numbers" => "two",
            "bad-episode" => "episode",
            "wrong-field" => "file",
            "no-frames" => "frames",
            _ => "000002.",
        };

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", form, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.Errors(), StringComparison.Ordinal);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task EveryBadFileOfARequestIsNamedInOneAnswer()
    {
        var runId = await RunAsync();
        using var form = Form(("000001.png", "nope"u8.ToArray()), ("000002.png", DoomFrames.Encoded(1)), ("notes.png", DoomFrames.Encoded(2)));

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", form, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var frames = problem["errors"]!["frames"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(2, frames.Count);
        Assert.Contains(frames, e => e.StartsWith("'000001.png' is not a PNG or JPEG image", StringComparison.Ordinal));
        Assert.Contains(frames, e => e.StartsWith("'notes.png' has no tick in its name", StringComparison.Ordinal));
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task TooManyFramesAnswer413AndStoreNothing()
    {
        var runId = await RunAsync();
        var small = DoomFrames.Encoded(1, ".jpg", 64, 48);
        using var form = Form([.. Enumerable.Range(0, FramesApiFactory.MaxFrames + 1).Select(i => ($"{i:D6}.jpg", small))]);

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", form, Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("Frames:MaxFramesPerRequest", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AZipHoldingTooManyFramesAnswers413()
    {
        var runId = await RunAsync();
        var small = DoomFrames.Encoded(1, ".jpg", 64, 48);
        var zip = Zip([.. Enumerable.Range(0, FramesApiFactory.MaxFrames + 1).Select(i => ($"{i:D6}.jpg", small))]);

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("many.zip", zip)), Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("counting those in archives", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AFrameOverTheByteLimitAnswers413NamingIt()
    {
        var runId = await RunAsync();
        var big = new byte[FramesApiFactory.MaxFrameBytes + 1];
        DoomFrames.Encoded(1).CopyTo(big, 0);

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("000001.png", DoomFrames.Encoded(2)), ("000002.png", big)), Token)
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("'000002.png'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AZipBombAnswers413BeforeItIsUnpacked()
    {
        var runId = await RunAsync();
        // Zeros compress about a thousandfold: a small archive that unpacks past the frame limit.
        var zip = Zip(("000001.png", new byte[FramesApiFactory.MaxFrameBytes * 4]));

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("bomb.zip", zip)), Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("bomb.zip/000001.png", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AZipOfManyEmptyEntriesAnswers413BeforeTheArchiveIsOpened()
    {
        var runId = await RunAsync();
        // Folders are no frames, but each costs the archive reader an object: every entry counts.
        var zip = Zip([.. Enumerable.Range(0, FramesApiFactory.MaxArchiveEntries + 1).Select(i => ($"d{i}/", Array.Empty<byte>()))]);

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("folders.zip", zip)), Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("Frames:MaxArchiveEntries", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AZipWhoseEndRecordUnderstatesItsEntriesIsCountedByItsDirectory()
    {
        var runId = await RunAsync();
        var zip = Zip([.. Enumerable.Range(0, FramesApiFactory.MaxArchiveEntries + 1).Select(i => ($"d{i}/", Array.Empty<byte>()))]);
        // The end record (the last 22 bytes, no comment) claims one entry on this disk and in all.
        BitConverter.GetBytes((ushort)1).CopyTo(zip, zip.Length - 22 + 8);
        BitConverter.GetBytes((ushort)1).CopyTo(zip, zip.Length - 22 + 10);

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("liar.zip", zip)), Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("Frames:MaxArchiveEntries", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AZipEntryWithAHugeCommentOrNoEndRecordIsRefusedAsUnreadable()
    {
        var runId = await RunAsync();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("000001.png").Comment = new string('c', 5000);
        }

        var cut = Zip(("000002.png", DoomFrames.Encoded(2)))[..^22];

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form(("comment.zip", buffer.ToArray()), ("cut.zip", cut)), Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        var reasons = problem["errors"]!["frames"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.Contains("'comment.zip' is not a readable zip archive: entry 1 has 5010 bytes", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("'cut.zip' is not a readable zip archive: it has no end of central directory record", StringComparison.Ordinal));
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task UploadsWaitForAFreeDecodeSlotAndFinishOnceOneIsFree()
    {
        var runId = await RunAsync();
        var gate = factory.Services.GetRequiredService<Api.Frames.FrameDecodeGate>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        // The factory allows one decode at once: this holds it.
        var holder = Task.Run(() => gate.RunAsync(() => { entered.SetResult(); release.Wait(Token); return 0; }, Token), Token);
        await entered.Task;

        using var form = Form(("000001.png", DoomFrames.Encoded(1)), ("000002.png", DoomFrames.Encoded(2)));
        var upload = _client.PostAsync($"/api/runs/{runId}/frames", form, Token);
        await Eventually.UntilAsync(_ => Task.FromResult(gate.Waiting), waiting => waiting > 0, "the upload to wait for the decode slot", Token);
        Assert.False(upload.IsCompleted);
        await AssertNothingStoredAsync(runId);

        release.Set();
        await holder;
        using var response = await upload;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await factory.Services.GetRequiredService<RunFrameStore>().ListAsync(runId, Token)).Count);
    }

    [Fact]
    public async Task ARequestOverTheBodyLimitAnswers413()
    {
        var runId = await RunAsync();
        var chunk = new byte[FramesApiFactory.MaxFrameBytes - 1024];
        DoomFrames.Encoded(1).CopyTo(chunk, 0);
        var count = (int)(FramesApiFactory.MaxRequestBytes / chunk.Length) + 1;

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", Form([.. Enumerable.Range(0, count).Select(i => ($"{i:D6}.png", chunk))]), Token)
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("Frames:MaxRequestBytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(runId);
    }

    [Fact]
    public async Task AnUnknownRunIs404AndABodyThatIsNotMultipartIs415()
    {
        var missing = await _client.PostAsync("/api/runs/987654321/frames", Form(("000001.png", DoomFrames.Encoded(1))), Token)
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("987654321", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(987654321);

        var runId = await RunAsync();
        var raw = new ByteArrayContent(DoomFrames.Encoded(1));
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var unsupported = await _client.PostAsync($"/api/runs/{runId}/frames", raw, Token).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data", unsupported["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await _client.GetAsync("/api/runs/987654321/frames", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.GetAsync($"/api/runs/{runId}/frames/5", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.GetAsync($"/api/runs/{runId}/frames/-5", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await _client.GetAsync("/api/runs/0/frames", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AFrameAgainAtATickReplacesTheOldOneEvenInTheOtherEncoding()
    {
        var runId = await RunAsync();
        await PostCreatedAsync(runId, Form(("000005.png", DoomFrames.Encoded(1)), ("000006.png", DoomFrames.Encoded(2))));

        var again = await PostCreatedAsync(runId, Form(("000005.jpg", DoomFrames.Encoded(3, ".jpg"))));

        Assert.Equal(1, again["replaced"]!.GetValue<int>());
        Assert.Equal(2, again["total_frames"]!.GetValue<int>());
        var list = await _client.GetOkAsync($"/api/runs/{runId}/frames");
        Assert.Equal([$"runs/{runId}/00000005.jpg", $"runs/{runId}/00000006.png"], list["frames"]!.AsArray().Select(f => f!["blob"]!.GetValue<string>()));
        Assert.Equal(DoomFrames.Encoded(3, ".jpg"), await _client.GetByteArrayAsync($"/api/runs/{runId}/frames/5", Token));
    }

    [Fact]
    public async Task ATickStoredForAnotherEpisodeIsAConflictAndNothingChanges()
    {
        var runId = await RunAsync();
        await PostCreatedAsync(runId, WithField(Form(("000005.png", DoomFrames.Encoded(1))), "episode", "1"));

        var problem = await _client.PostAsync($"/api/runs/{runId}/frames", WithField(Form(("000005.png", DoomFrames.Encoded(2)), ("000009.png", DoomFrames.Encoded(3))), "episode", "2"), Token)
            .ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("tick 5 for episode 1", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var list = await _client.GetOkAsync($"/api/runs/{runId}/frames");
        Assert.Equal([5], list["frames"]!.AsArray().Select(f => f!["tick"]!.GetValue<int>()));
        Assert.Equal(DoomFrames.Encoded(1), await _client.GetByteArrayAsync($"/api/runs/{runId}/frames/5", Token));
    }

    [Fact]
    public async Task TheFrameListIsPaged()
    {
        var runId = await RunAsync();
        await PostCreatedAsync(runId, Form([.. Enumerable.Range(0, 5).Select(i => ($"{i * 2:D6}.jpg", DoomFrames.Encoded(i, ".jpg", 64, 48)))]));

        var page = await _client.GetOkAsync($"/api/runs/{runId}/frames?skip=1&limit=2");

        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal(0, page["first_tick"]!.GetValue<int>());
        Assert.Equal(8, page["last_tick"]!.GetValue<int>());
        Assert.Equal([2, 4], page["frames"]!.AsArray().Select(f => f!["tick"]!.GetValue<int>()));
        Assert.Equal($"/api/runs/{runId}/frames/2", page["frames"]![0]!["url"]!.GetValue<string>());
        await _client.GetAsync($"/api/runs/{runId}/frames?limit=0", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ABugsScreenshotIsServedFromBlobStorage()
    {
        var runId = await RunAsync();
        var thumbnail = DoomFrames.Encoded(3, ".png", 160, 120);
        var path = FrameNames.Thumbnail(runId, 42, "black-frame");
        await factory.Services.GetRequiredService<RunFrameStore>().UploadThumbnailAsync(path, thumbnail, Token);
        long withShot, without, gone;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RlgtDbContext>();
            var mapId = await db.Runs.Where(r => r.Id == runId).Select(r => r.MapId).SingleAsync(Token);
            Bug Bug(string? screenshot) => new()
            {
                RunId = runId, MapId = mapId, BugType = BugType.VisualGlitch, DetectionSource = DetectionSource.Frames, Title = "Black frame", ScreenshotPath = screenshot,
                DetectedAt = DateTime.UtcNow,
            };
            var bugs = new[] { Bug(path), Bug(null), Bug($"runs/{runId}/glitch-00000001-gone.png") };
            db.Bugs.AddRange(bugs);
            await db.SaveChangesAsync(Token);
            (withShot, without, gone) = (bugs[0].Id, bugs[1].Id, bugs[2].Id);
        }

        var served = await _client.GetAsync($"/api/bugs/{withShot}/screenshot", Token);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        using var picture = Cv2.ImDecode(await served.Content.ReadAsByteArrayAsync(Token), ImreadModes.Color);
        Assert.Equal((160, 120), (picture.Width, picture.Height));
        var none = await _client.GetAsync($"/api/bugs/{without}/screenshot", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("has no screenshot", none["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await _client.GetAsync($"/api/bugs/{gone}/screenshot", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.GetAsync("/api/bugs/987654321/screenshot", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheFrameEndpoints()
    {
        var document = await _client.GetOkAsync("/openapi.json");

        var paths = document["paths"]!.AsObject();
        var upload = paths["/api/runs/{id}/frames"]!["post"]!;
        Assert.Contains("multipart/form-data", upload["requestBody"]!["content"]!.AsObject().Select(p => p.Key));
        Assert.Contains("413", upload["responses"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(paths["/api/runs/{id}/frames"]!["get"]);
        Assert.Contains("image/png", paths["/api/runs/{id}/frames/{tick}"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(paths["/api/bugs/{id}/screenshot"]!["get"]);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("map")]
    public async Task DeletingTheRunOrItsMapDeletesItsFramesFromBlobStorage(string deleted)
    {
        var mapId = await _client.CreateMapAsync();
        var runId = await _client.CreateRunAsync(mapId);
        var other = await RunAsync();
        await PostCreatedAsync(runId, Form(("000010.png", DoomFrames.Encoded(0)), ("000020.png", DoomFrames.Encoded(1))));
        await PostCreatedAsync(other, Form(("000010.png", DoomFrames.Encoded(0))));

        var response = await _client.DeleteAsync(deleted == "run" ? $"/api/runs/{runId}" : $"/api/maps/{mapId}", Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertNothingStoredAsync(runId);
        Assert.Single(await factory.Services.GetRequiredService<RunFrameStore>().ListAsync(other, Token));
    }

    private async Task<long> RunAsync() => await _client.CreateRunAsync(await _client.CreateMapAsync());

    private async Task<System.Text.Json.Nodes.JsonNode> PostCreatedAsync(long runId, MultipartFormDataContent form)
    {
        using (form)
        {
            var response = await _client.PostAsync($"/api/runs/{runId}/frames", form, Token);
            var body = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
            return body;
        }
    }

    private async Task AssertNothingStoredAsync(long runId)
    {
        var stored = await factory.Services.GetRequiredService<RunFrameStore>().ListAsync(runId, Token);
        Assert.Empty(stored);
    }

    /// <summary>The frame analysis queued for the run (map uploads queue level checks on the same queue).</summary>
    private async Task<AnalyseFrames?> FrameJobAsync(long runId)
    {
        var queue = factory.Services.GetRequiredService<RedisJobQueue>();
        for (var lease = await queue.TakeAsync(Queues.Analysis, "frames-test", Token); lease is not null; lease = await queue.TakeAsync(Queues.Analysis, "frames-test", Token))
        {
            await queue.AcknowledgeAsync(lease);
            if (lease.TryRead<AnalyseFrames>() is { } job && job.RunId == runId)
            {
                return job;
            }
        }

        return null;
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files) => FormIn("frames", files);

    private static MultipartFormDataContent FormIn(string field, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), field, name);
        }

        return form;
    }

    private static MultipartFormDataContent WithField(MultipartFormDataContent form, string name, string value)
    {
        form.Add(new StringContent(value), name);
        return form;
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name);
                if (bytes.Length > 0)
                {
                    using var stream = entry.Open();
                    stream.Write(bytes);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The PNG with its picture data scrambled: the header and the end are intact, the image is not.</summary>
    private static byte[] Corrupt(byte[] png)
    {
        var bytes = png.ToArray();
        for (var i = bytes.Length / 3; i < (bytes.Length / 3) + 400; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return bytes;
    }
}
