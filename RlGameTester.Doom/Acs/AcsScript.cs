namespace RlGameTester.Doom.Acs;

/// <summary>When the engine starts a script by itself (ZDoom's script types); others run only when called.</summary>
public enum AcsScriptKind
{
    Closed = 0,
    Open = 1,
    Respawn = 2,
    Death = 3,
    Enter = 4,
    Pickup = 5,
    BlueReturn = 6,
    RedReturn = 7,
    WhiteReturn = 8,
    Lightning = 12,
    Unloading = 13,
    Disconnect = 14,
    Return = 15,
    Event = 16,
    Kill = 17,
    Reopen = 18,
}

/// <summary>A script of a BEHAVIOR lump: its number (negative for a named script), kind, arguments and code address.</summary>
public sealed record AcsScript(int Number, AcsScriptKind Kind, int ArgCount, int Address)
{
    /// <summary>Started by the engine when the level begins (OPEN) or the player enters it (ENTER).</summary>
    public bool RunsAtStart => Kind is AcsScriptKind.Open or AcsScriptKind.Enter;
}
