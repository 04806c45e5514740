namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// A move of the proof search's way: the cell it arrives at, how, the highest a body stands there after it, and the
/// teleport line when it teleported.
/// </summary>
internal readonly record struct ProofMove(int Cell, ProofStep Via, int Height, int TeleportLine);
