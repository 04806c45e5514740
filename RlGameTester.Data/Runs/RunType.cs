namespace RlGameTester.Data.Runs;

/// <summary>What a run is for.</summary>
public enum RunType
{
    Training,
    Testing,
    Evaluation,
}
