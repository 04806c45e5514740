using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Api.Runs;

/// <summary>
/// Which agent a run gets when it names none (section <c>Agents</c>). The AppHost sets <c>arnold</c> when an
/// Arnold installation is configured for the Worker; otherwise the built-in explorer, which needs nothing.
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agents";

    [AllowedValues(Agents.Explorer, Agents.Arnold)]
    public string Default { get; set; } = Agents.Explorer;
}
