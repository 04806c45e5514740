using System.Globalization;
using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>What Arnold's writing process knows: its evaluation, episode and training iteration.</summary>
internal sealed class ArnoldProcess(int pid)
{
    public int Pid { get; } = pid;

    /// <summary>The payload of events that carry nothing but the pid (kill, death...), built once.</summary>
    public string PidPayload { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid}}}");

    /// <summary>How every payload of this process starts (<c>{"pid":N</c>), built once.</summary>
    public string PayloadStart { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid}");

    /// <summary>How every iteration payload of this process starts, up to its value (<c>{"pid":N,"iteration":</c>).</summary>
    public string IterationStart { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid},\"iteration\":");

    /// <summary>How this process's loss payloads of each kind start, up to the value (<c>{"pid":N,"kind":"dqn","value":</c>).</summary>
    private readonly List<(string Kind, string Start)> _lossStarts = [];

    public string LossStart(string kind)
    {
        foreach (var (known, start) in _lossStarts)
        {
            if (ReferenceEquals(known, kind) || known == kind)
            {
                return start;
            }
        }

        var built = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{Pid},\"kind\":\"{kind}\",\"value\":");
        _lossStarts.Add((kind, built));
        return built;
    }

    /// <summary>Change payloads cached per process: 2^this slots.</summary>
    public const int ChangeCacheBits = 10;

    /// <summary>The recent health, armor and ammo change payloads of this process (<see cref="PlayRecords"/>).</summary>
    public CachedChange[] ChangePayloads { get; } = new CachedChange[1 << ChangeCacheBits];

    public int Evaluations { get; set; }

    public bool InEvaluation { get; set; }

    public int Episode { get; set; }

    public bool EpisodeOpen { get; set; }

    public int EpisodesEnded { get; set; }

    public int MapsInEvaluation { get; set; }

    public string? EvaluationIterations { get; set; }

    public int? Iteration { get; set; }

    public int? CurrentEpisode => EpisodeOpen ? Episode : null;

    // An episode end (`N kills.` / `Survived for N steps.`) waiting for its `===============`.
    public RawText? EndRaw { get; set; }

    public string? EndKey { get; set; }

    public string? EndValue { get; set; }

    public DateTime EndTimestamp { get; set; }

    public void Reset()
    {
        Evaluations = 0;
        InEvaluation = false;
        Episode = 0;
        EpisodeOpen = false;
        EpisodesEnded = 0;
        MapsInEvaluation = 0;
        EvaluationIterations = null;
        Iteration = null;
    }
}

/// <summary>A change event's values and the payload built for them (<see cref="PlayRecords"/>).</summary>
internal readonly record struct CachedChange(EventType Type, string Ammo, int Old, int New, string Payload);
