namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>Something in a level the proof cannot bound, so it cannot prove an exit unreachable: a stable mechanic name, what it is, and the line.</summary>
internal sealed record ProofLimit(string Mechanic, string Description, int? Line);
