using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Wad;

// The work the Api's upload does with a WAD's bytes before anything is stored (WadIngestion): the directory, the level
// limits, every level read, its geometry and metadata. Timed on hostile files built here and on freedoom2.wad (the
// baseline, a real 28 MB IWAD), as milliseconds per MiB of file: the limits are meant to keep a hostile file's work
// per MiB no worse than a real file's. Median of --repeat runs (5) each.
var iwad = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "/usr/share/games/doom/freedoom2.wad";
var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(int.Parse).FirstOrDefault(5);
var real = File.ReadAllBytes(iwad);
var map01 = LevelLumps(real, "MAP01");

(string Name, byte[] Bytes)[] cases =
[
    ("freedoom2.wad (baseline)", real),
    ("8,000 markers over MAP01's lumps", Repeated(map01, 8000)),
    ("two levels sharing MAP01's lumps", Repeated(map01, 2)),
    ("64 MiB directory, 4M empty entries", EmptyDirectory(64 << 20)),
    ("20,000 lone lines across 60,000 units", Lines(20_000, random: false)),
    ("262,144 random lines, 65,536 vertices", Lines(262_144, random: true)),
];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload reading work, median of {repeat}, Release, one core"));
Console.WriteLine($"{"case",-40} {"bytes",12} {"outcome",-44} {"ms",9} {"ms/MiB",9} {"x baseline/MiB",15}");
double? baseline = null;
foreach (var (name, bytes) in cases)
{
    string outcome = "";
    var times = new List<double>();
    for (var r = 0; r < repeat; r++)
    {
        var clock = Stopwatch.StartNew();
        outcome = Ingest(bytes);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[times.Count / 2];
    var perMiB = median / (bytes.Length / 1048576.0);
    baseline ??= perMiB;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-40} {bytes.Length,12} {outcome,-44} {median,9:0.0} {perMiB,9:0.00} {perMiB / baseline.Value,15:0.00}"));
}

// What WadIngestion does with the bytes.
static string Ingest(byte[] bytes)
{
    try
    {
        var levels = LevelReader.ReadAll(WadFile.Read(bytes), LevelLimits.Default, "Maps");
        foreach (var level in levels)
        {
            LevelMetadata.Create(level, new LevelGeometry(level));
        }

        return $"read, {levels.Count} level(s)";
    }
    catch (WadLimitException e)
    {
        return "413 " + Cut(e.Message);
    }
    catch (WadFormatException e)
    {
        return "400 " + Cut(e.Message);
    }
}

static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "...";

// The marker's lumps of a level in a WAD, by a plain reading of the directory.
static List<(string Name, byte[] Data)> LevelLumps(byte[] wad, string level)
{
    var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
    var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
    var lumps = new List<(string, byte[])>();
    var inside = false;
    for (var i = 0; i < count; i++)
    {
        var entry = wad.AsSpan(directory + (16 * i), 16);
        var name = Encoding.ASCII.GetString(entry[8..]).TrimEnd('\0');
        if (inside && name is not ("THINGS" or "LINEDEFS" or "SIDEDEFS" or "VERTEXES" or "SEGS" or "SSECTORS" or "NODES" or "SECTORS" or "REJECT" or "BLOCKMAP"))
        {
            break;
        }

        if (inside)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(entry);
            var size = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
            lumps.Add((name, wad.AsSpan(offset, size).ToArray()));
        }

        inside |= name == level;
    }

    return lumps;
}

// The level's lumps once, and a directory of that many markers each followed by entries pointing at them.
static byte[] Repeated(List<(string Name, byte[] Data)> lumps, int markers)
{
    var data = lumps.SelectMany(l => l.Data).ToArray();
    var entries = new List<(string, int, int)>();
    for (var m = 0; m < markers; m++)
    {
        entries.Add(($"L{m:D5}", 0, 0));
        var offset = 12;
        foreach (var (name, bytes) in lumps)
        {
            entries.Add((name, offset, bytes.Length));
            offset += bytes.Length;
        }
    }

    return Wad(data, entries);
}

// A file that is nearly all directory: empty entries, every other one a marker followed by THINGS.
static byte[] EmptyDirectory(int size)
{
    var count = (size - 12) / 16;
    return Wad([], [.. Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? "MAP01" : "THINGS", 0, 0))]);
}

// One sector whose lines cross the whole level (lone segments, or random ones between shared vertices).
static byte[] Lines(int count, bool random)
{
    var rng = new Random(1);
    var vertexCount = random ? 65_536 : count * 2;
    var vertices = new byte[vertexCount * 4];
    for (var v = 0; v < vertexCount; v++)
    {
        var (x, y) = random ? (rng.Next(-30000, 30000), rng.Next(-30000, 30000))
            : (v % 2 == 0 ? (-30000 + (v / 2 * 7 % 60000), -30000) : (30000 - (v / 2 * 13 % 60000), 30000));
        BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan(v * 4), (short)x);
        BinaryPrimitives.WriteInt16LittleEndian(vertices.AsSpan((v * 4) + 2), (short)y);
    }

    var lines = new byte[count * 14];
    for (var i = 0; i < count; i++)
    {
        var line = lines.AsSpan(i * 14, 14);
        BinaryPrimitives.WriteUInt16LittleEndian(line, (ushort)(random ? rng.Next(vertexCount) : 2 * i));
        BinaryPrimitives.WriteUInt16LittleEndian(line[2..], (ushort)(random ? rng.Next(vertexCount) : (2 * i) + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(line[12..], 0xFFFF);
    }

    var side = new byte[30];
    Encoding.ASCII.GetBytes("STARTAN3", side.AsSpan(20));
    var sector = new byte[26];
    BinaryPrimitives.WriteInt16LittleEndian(sector.AsSpan(2), 128);
    var thing = new byte[10];
    BinaryPrimitives.WriteInt16LittleEndian(thing.AsSpan(6), 1);
    var data = thing.Concat(lines).Concat(side).Concat(vertices).Concat(sector).ToArray();
    var at = 12;
    var entries = new List<(string, int, int)> { ("MAP01", 0, 0) };
    foreach (var (name, length) in new[] { ("THINGS", thing.Length), ("LINEDEFS", lines.Length), ("SIDEDEFS", side.Length), ("VERTEXES", vertices.Length), ("SECTORS", sector.Length) })
    {
        entries.Add((name, at, length));
        at += length;
    }

    return Wad(data, entries);
}

static byte[] Wad(byte[] data, List<(string Name, int Offset, int Size)> entries)
{
    var bytes = new byte[12 + data.Length + (16 * entries.Count)];
    Encoding.ASCII.GetBytes("PWAD", bytes);
    BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), entries.Count);
    BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 12 + data.Length);
    data.CopyTo(bytes, 12);
    for (var i = 0; i < entries.Count; i++)
    {
        var entry = bytes.AsSpan(12 + data.Length + (16 * i), 16);
        BinaryPrimitives.WriteInt32LittleEndian(entry, entries[i].Offset);
        BinaryPrimitives.WriteInt32LittleEndian(entry[4..], entries[i].Size);
        Encoding.ASCII.GetBytes(entries[i].Name, entry[8..]);
    }

    return bytes;
}
