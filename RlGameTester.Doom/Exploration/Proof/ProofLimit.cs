namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>Something in a level the proof cannot bound, so it cannot prove an exit unreachable: a stable mechanic name, what it is, and the line.</summary>
internal sealed record ProofLimit(string Mechanic, string Description, int? Line)
{
    /// <summary>A blocking line that Line_SetBlocking may clear: it may open a way, it ends no level.</summary>
    public const string LineBlocking = "line blocking";

    /// <summary>A line with a solid middle texture, played as a wall: a player may get over or under it.</summary>
    public const string MiddleTexture = "3D middle texture";

    /// <summary>A jump-over railing, played as a wall: a player may jump it.</summary>
    public const string Railing = "railing";

    /// <summary>
    /// Whether the mechanic might end the level on its own (a script, a boss death, a voodoo doll on an exit line); a line
    /// played as a wall only keeps a way shut.
    /// </summary>
    public bool MayEndLevel => Mechanic is not (LineBlocking or MiddleTexture or Railing);
}
