namespace RlGameTester.Domain.Bugs;

/// <summary>What found a bug.</summary>
public enum DetectionSource
{
    /// <summary>Detectors over a run's events.</summary>
    Telemetry,
    /// <summary>Computer-vision checks over a run's frames.</summary>
    Frames,
    /// <summary>Static checks of the level file.</summary>
    Static,
    /// <summary>Found by the LLM while writing a report.</summary>
    Llm,
    /// <summary>Filed by a person through the API.</summary>
    Manual,
}
