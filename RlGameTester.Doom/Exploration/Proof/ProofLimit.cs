namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>Something in a level the proof cannot bound, so it cannot prove an exit unreachable: a stable mechanic name, what it is, and the line.</summary>
internal sealed record ProofLimit(string Mechanic, string Description, int? Line)
{
    /// <summary>A blocking line that Line_SetBlocking may clear: it may open a way, it ends no level.</summary>
    public const string LineBlocking = "line blocking";

    /// <summary>Whether the mechanic might end the level on its own (a script, a boss death, a voodoo doll on an exit line).</summary>
    public bool MayEndLevel => Mechanic != LineBlocking;
}
