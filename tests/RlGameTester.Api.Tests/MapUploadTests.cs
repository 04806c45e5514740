using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Data.Blobs;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>Uploading real WADs: one map per level, stored once per SHA-256, refused with the reason when unreadable.</summary>
public sealed class MapUploadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadingFreedoom1CreatesOneMapPerLevelAndTheSameBytesAgainCreateNothing()
    {
        var bytes = await File.ReadAllBytesAsync(Fixtures.Freedoom1, Token);
        var queue = factory.Services.GetRequiredService<RedisJobQueue>();
        var queued = await queue.LengthAsync(Queues.Analysis);

        var created = await _client.UploadAsync(bytes, "freedoom1.wad", scenario: "campaign");

        var levels = created.Select(m => m!["level_name"]!.GetValue<string>()).ToList();
        Assert.Equal(36, levels.Count);
        Assert.Equal(Enumerable.Range(1, 4).SelectMany(e => Enumerable.Range(1, 9).Select(m => $"E{e}M{m}")), levels);
        var e1m1 = created.Single(m => m!["level_name"]!.GetValue<string>() == "E1M1")!;
        Assert.Equal(LumpSize(bytes, "E1M1", "THINGS") / 10, e1m1["metadata"]!["thing_count"]!.GetValue<int>());
        Assert.Equal(LumpSize(bytes, "E1M1", "SECTORS") / 26, e1m1["metadata"]!["sector_count"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), e1m1["file_hash"]!.GetValue<string>());
        Assert.Equal(queued + 1, await queue.LengthAsync(Queues.Analysis));

        var again = await _client.UploadAsync(bytes, "copy.wad", expected: HttpStatusCode.OK);
        Assert.Equal(created.Select(m => m!["id"]!.GetValue<long>()), again.Select(m => m!["id"]!.GetValue<long>()));

        var file = await _client.GetByteArrayAsync($"/api/maps/{e1m1["id"]}/file", Token);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(file));
    }

    [Fact]
    public async Task TheFileGoesFromBlobStorageWithTheLastMapThatUsesIt()
    {
        var bytes = WadBuilder.Unique(Path.Combine(Fixtures.Wads, "deathmatch_rockets.wad"));
        var maps = await _client.UploadAsync(bytes, "dm.wad");
        Assert.True(maps.Count >= 2, "deathmatch_rockets.wad should hold several levels");
        var blobs = factory.Services.GetRequiredService<BlobStore>();
        var blob = $"{maps[0]!["file_hash"]!.GetValue<string>()}.wad";

        for (var i = 0; i < maps.Count; i++)
        {
            Assert.True(await blobs.ExistsAsync(BlobStore.Wads, blob, Token), $"the file went while {maps.Count - i} map(s) still use it");
            Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/maps/{maps[i]!["id"]}", Token)).StatusCode);
        }

        Assert.False(await blobs.ExistsAsync(BlobStore.Wads, blob, Token));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "random", "not a WAD" },
        { "truncated-header", "header" },
        { "directory-past-end", "directory" },
        { "lump-past-end", "outside the file" },
        { "absurd-count", "" },
        { "no-level", "no level" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AnUnreadableFileIsRefusedWithTheReasonAndLeavesNothingBehind(string kind, string reason)
    {
        var bytes = Bad(kind);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", $"{kind}.wad" } };

        var problem = await _client.PostAsync("/api/maps", form, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("not a usable WAD", problem.Errors());
        Assert.Contains(reason, problem.Errors(), StringComparison.OrdinalIgnoreCase);
        var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        Assert.Empty((await _client.GetOkAsync($"/api/maps/by-hash/{hash}")).AsArray());
        Assert.False(await factory.Services.GetRequiredService<BlobStore>().ExistsAsync(BlobStore.Wads, $"{hash}.wad", Token));
    }

    [Fact]
    public async Task ManyMutatedCopiesOfARealWadNeverCauseAServerError()
    {
        var original = await File.ReadAllBytesAsync(Path.Combine(Fixtures.Wads, "defend_the_center.wad"), Token);
        var random = new Random(20261125);
        var answers = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 150; i++)
        {
            var bytes = Mutate(original, random);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "fuzz.wad" } };
            var response = await _client.PostAsync("/api/maps", form, Token);
            Assert.True((int)response.StatusCode < 500, $"mutation {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
        }

        TestContext.Current.SendDiagnosticMessage($"answers: {string.Join(", ", answers.Select(a => $"{(int)a.Key}: {a.Value}"))}");
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.BadRequest) > 0, "no mutation was refused: the mutations do not reach the reader's checks");
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWith413()
    {
        var bytes = new byte[ApiFactory.MaxUploadBytes + 1];
        Encoding.ASCII.GetBytes("PWAD").CopyTo(bytes, 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "huge.wad" } };

        var problem = await _client.PostAsync("/api/maps", form, Token).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("limit", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFileOfThousandsOfLevelMarkersOverOneLevelsLumpsIsRefusedWith413AndNothingIsStored()
    {
        // 8,000 markers, each followed by the same level's lumps: a 1 MB file that would be read as 8,000 levels.
        var wad = WadBuilder.RepeatedDirectory(File.ReadAllBytes(Path.Combine(Fixtures.Wads, "defend_the_center.wad")), 8000, i => $"L{i:D5}");

        var problem = await UploadProblemAsync(wad, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("WAD over the level limits", problem["title"]!.GetValue<string>());
        Assert.Equal("The WAD holds more than 128 levels, the limit in one file (Maps:MaxLevels).", problem["detail"]!.GetValue<string>());
        await AssertNothingStoredAsync(wad);
    }

    [Fact]
    public async Task LevelsWhoseLumpsShareBytesAreRefusedWith400NamingTheLumps()
    {
        var wad = WadBuilder.RepeatedDirectory(WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad")), 2, i => $"MAP0{i + 1}");

        var problem = await UploadProblemAsync(wad, HttpStatusCode.BadRequest);

        var reason = problem["errors"]!["file"]![0]!.GetValue<string>();
        Assert.StartsWith("is not a usable WAD: Lump MAP02 TEXTMAP (directory entry ", reason);
        Assert.Contains("shares bytes with lump MAP01 TEXTMAP (directory entry 1)", reason);
        await AssertNothingStoredAsync(wad);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> UploadProblemAsync(byte[] wad, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "hostile.wad" } };
        return await _client.PostAsync("/api/maps", form, Token).ExpectProblemAsync(expected);
    }

    private async Task AssertNothingStoredAsync(byte[] wad)
    {
        var hash = Convert.ToHexString(SHA256.HashData(wad)).ToLowerInvariant();
        Assert.Empty((await _client.GetOkAsync($"/api/maps/by-hash/{hash}")).AsArray());
        Assert.False(await factory.Services.GetRequiredService<BlobStore>().ExistsAsync(BlobStore.Wads, $"{hash}.wad", Token));
    }

    [Fact]
    public async Task TheSeedsJsonFormImportsAFileFromTheImportFolder()
    {
        var response = await _client.PostAsync("/api/maps", ApiClient.RawJson("{\"file_path\":\"deathmatch_rockets.wad\",\"scenario\":\"deathmatch\"}"), Token);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        var maps = (await response.ReadJsonAsync()).AsArray();
        Assert.All(maps, m => Assert.EndsWith("deathmatch_rockets.wad", m!["file_path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChecksOfAMapAreEmptyAndUncheckedUntilTheAnalysisServiceHasRun()
    {
        var mapId = await _client.CreateMapAsync();
        var checks = await _client.GetOkAsync($"/api/maps/{mapId}/checks");
        Assert.Null(checks["checked_at"]);
        Assert.Empty(checks["findings"]!.AsArray());
        await _client.GetAsync("/api/maps/727272/checks", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static byte[] Bad(string kind)
    {
        var wad = File.ReadAllBytes(Path.Combine(Fixtures.Wads, "defend_the_center.wad"));
        switch (kind)
        {
            case "random":
                var random = new byte[4096];
                new Random(7).NextBytes(random);
                return random;
            case "truncated-header":
                return wad[..7];
            case "directory-past-end":
                BinaryPrimitives.WriteInt32LittleEndian(wad.AsSpan(8), wad.Length + 100);
                return wad;
            case "lump-past-end":
                var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
                BinaryPrimitives.WriteInt32LittleEndian(wad.AsSpan(directory + 4), wad.Length * 2);
                return wad;
            case "absurd-count":
                BinaryPrimitives.WriteInt32LittleEndian(wad.AsSpan(4), int.MaxValue);
                return wad;
            default:
                // A valid PWAD holding one lump that is not a level.
                var empty = new byte[12];
                Encoding.ASCII.GetBytes("PWAD").CopyTo(empty, 0);
                BinaryPrimitives.WriteInt32LittleEndian(empty.AsSpan(8), 12);
                return WadBuilder.WithExtraLump(empty, "README", Encoding.ASCII.GetBytes("hello"));
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        switch (random.Next(4))
        {
            case 0:
                return bytes[..random.Next(0, bytes.Length)];
            case 1:
                // Header and directory: where a reader's bounds checks live.
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    var at = random.Next(2) == 0 ? random.Next(0, 12) : directory + random.Next(0, bytes.Length - directory);
                    bytes[at] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                // Level data: record indices and counts.
                for (var i = 0; i < 1 + random.Next(64); i++)
                {
                    bytes[random.Next(12, directory)] = (byte)random.Next(256);
                }

                return bytes;
            default:
                var entry = directory + (16 * random.Next(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4))));
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry + (random.Next(2) * 4)), random.Next(int.MinValue, int.MaxValue));
                return bytes;
        }
    }

    /// <summary>A lump's size read straight from the WAD's directory (independent of the project's reader).</summary>
    private static int LumpSize(byte[] wad, string level, string lump)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
        var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        var inLevel = false;
        for (var i = 0; i < count; i++)
        {
            var entry = wad.AsSpan(directory + (16 * i), 16);
            var name = Encoding.ASCII.GetString(entry[8..]).TrimEnd('\0');
            if (name == level)
            {
                inLevel = true;
            }
            else if (inLevel && name == lump)
            {
                return BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
            }
        }

        throw new InvalidOperationException($"{level} has no {lump}");
    }
}
