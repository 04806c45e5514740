using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Frames;

/// <summary>Turns frame findings into <c>visual_glitch</c> bugs.</summary>
internal static class FrameFindingBugs
{
    /// <summary>
    /// The bug for a finding of a run. The thumbnail is not stored in the row: upload <see cref="FrameFinding.Thumbnail"/>
    /// to blob storage first and pass its blob name as <paramref name="screenshotPath"/>.
    /// </summary>
    public static Bug ToBug(this FrameFinding finding, long runId, long mapId, DateTime detectedAt, string? screenshotPath)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var range = finding.FirstTick == finding.LastTick
            ? string.Create(CultureInfo.InvariantCulture, $"tick {finding.FirstTick}")
            : string.Create(CultureInfo.InvariantCulture, $"ticks {finding.FirstTick}-{finding.LastTick}");
        return new Bug
        {
            RunId = runId,
            MapId = mapId,
            BugType = BugType.VisualGlitch,
            Severity = finding.Severity,
            DetectionSource = DetectionSource.Frames,
            CheckName = finding.Check,
            Title = $"{Headline(finding.Check)} at {range}",
            Description = finding.Description,
            Frame = finding.EvidenceTick,
            Confidence = finding.Confidence,
            ScreenshotPath = screenshotPath,
            Data = EvidenceJson(finding),
            DetectedAt = detectedAt,
        };
    }

    private static string Headline(string check) => check switch
    {
        FrameCheckNames.BlackFrame => "Black frame",
        FrameCheckNames.BlankFrame => "Blank frame",
        FrameCheckNames.FrozenVideo => "Frozen video",
        FrameCheckNames.HallOfMirrors => "Hall of Mirrors",
        FrameCheckNames.ClearColourFill => "Undrawn area (clear colour)",
        FrameCheckNames.MissingTexture => "Missing texture",
        FrameCheckNames.Flicker => "Flicker",
        FrameCheckNames.Noise => "Noise in the frame",
        _ => "Visual glitch",
    };

    private static string EvidenceJson(FrameFinding finding)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("check", finding.Check);
            json.WriteNumber("first_tick", finding.FirstTick);
            json.WriteNumber("last_tick", finding.LastTick);
            json.WriteNumber("evidence_tick", finding.EvidenceTick);
            json.WriteNumber("frame_count", finding.FrameCount);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
