using RlGameTester.Cli.Checking;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Cli.Submitting;

/// <summary>The options of <c>rlgt submit</c>, parsed and checked.</summary>
internal sealed record SubmitSettings
{
    public required string Wad { get; init; }

    public required Uri Server { get; init; }

    public required string Key { get; init; }

    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>Resource WADs sent with the map, in load order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The IWAD by name among the server's (null: the server chooses by the level names).</summary>
    public string? Iwad { get; init; }

    public CompatibilityLevel? Compatibility { get; init; }

    /// <summary>The project (by name; made when missing) the upload is a revision in; its findings are then compared with the previous revision's.</summary>
    public string? Project { get; init; }

    /// <summary>Gate only on findings the previous revision lacked.</summary>
    public bool FailOnNewOnly { get; init; }

    public bool Explore { get; init; }

    public int Skill { get; init; } = 3;

    public int Seed { get; init; }

    /// <summary>How long to wait in all for the server's checks and runs.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public ReportSettings Report { get; init; } = new();
}
