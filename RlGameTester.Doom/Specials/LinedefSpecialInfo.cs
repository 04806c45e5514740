namespace RlGameTester.Doom.Specials;

/// <summary>What a line special is.</summary>
/// <param name="Number">The special number.</param>
/// <param name="Name">A short description, e.g. "Door open, wait, close".</param>
/// <param name="Trigger">How it is set off (Doom numbering); None for Hexen-numbered specials, whose line says how.</param>
/// <param name="Repeatable">Can be set off more than once (Doom numbering).</param>
/// <param name="Effect">What it does.</param>
/// <param name="UsesTag">Acts on the sectors (or lines) carrying the line's tag.</param>
/// <param name="Keys">The keys it needs, or null.</param>
/// <param name="Game">Where it comes from: vanilla, Boom (including generalised types), MBF or ZDoom.</param>
/// <param name="IsGeneralized">A Boom generalised type decoded from its bit fields.</param>
public sealed record LinedefSpecialInfo(
    int Number,
    string Name,
    LineTrigger Trigger,
    bool Repeatable,
    LineEffect Effect,
    bool UsesTag,
    KeyRequirement? Keys,
    DoomGame Game,
    bool IsGeneralized)
{
    /// <summary>Whether the special acts on sectors through its tag (rather than on lines, or on nothing).</summary>
    public bool TagsSectors => UsesTag && Effect != LineEffect.LineTeleport && !TagsLines;

    /// <summary>Moves floors or ceilings (doors, lifts, floors, ceilings, stairs, crushers, donuts).</summary>
    public bool MovesSectors => Effect is LineEffect.Door or LineEffect.LockedDoor or LineEffect.Floor or LineEffect.Ceiling
        or LineEffect.Lift or LineEffect.Platform or LineEffect.Stairs or LineEffect.Crusher or LineEffect.Donut;

    /// <summary>Boom specials whose tag names other lines (translucency, wall scrollers by line vector).</summary>
    internal bool TagsLines { get; init; }

    /// <summary>The trigger written as the level editors do, e.g. "S1", "WR", "DR".</summary>
    public string TriggerCode => Trigger switch
    {
        LineTrigger.Walk => Repeatable ? "WR" : "W1",
        LineTrigger.Switch => Repeatable ? "SR" : "S1",
        LineTrigger.Gun => Repeatable ? "GR" : "G1",
        LineTrigger.Door => Repeatable ? "DR" : "D1",
        _ => "--",
    };
}
