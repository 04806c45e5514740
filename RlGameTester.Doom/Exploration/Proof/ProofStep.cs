namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>How the proof search got to a cell from the one before it.</summary>
internal enum ProofStep : byte
{
    Seed,
    Walk,
    Jump,
    Teleport,
}
