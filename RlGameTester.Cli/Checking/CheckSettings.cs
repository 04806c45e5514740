using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Cli.Checking;

/// <summary>The options of <c>rlgt check</c>, parsed and checked.</summary>
internal sealed record CheckSettings
{
    public required string Wad { get; init; }

    public string? Iwad { get; init; }

    /// <summary>Resource WADs in the order a port loads them (later ones take priority).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Mods the levels are played with (unpacked folders or PK3s), loaded before the WADs.</summary>
    public IReadOnlyList<string> Mods { get; init; } = [];

    /// <summary>Levels to check (all when empty).</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>The engine the levels are declared for (null: inferred per level from what it uses).</summary>
    public CompatibilityLevel? Compatibility { get; init; }

    public int Skill { get; init; } = 3;

    public int Seed { get; init; }

    public bool Explore { get; init; }

    public TimeSpan ExploreTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Levels checked at once: every core by default.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public ReportSettings Report { get; init; } = new();
}

/// <summary>What both commands share: the gate, the format and where the report goes.</summary>
internal sealed record ReportSettings
{
    public BugSeverity FailOn { get; init; } = BugSeverity.Critical;

    public ReportFormat Format { get; init; } = ReportFormat.Text;

    public string? Output { get; init; }

    /// <summary>Colour the text output (null: when standard output is a colour terminal).</summary>
    public bool? Color { get; init; }
}

/// <summary>The output formats of <c>rlgt check</c> and <c>rlgt submit</c>.</summary>
internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,
    Markdown,
}
