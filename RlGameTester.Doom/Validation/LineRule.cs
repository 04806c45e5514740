using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>What a line's special is to a player: how it is set off, whether again, which keys it needs.</summary>
/// <param name="Trigger">How a player sets it off.</param>
/// <param name="Repeatable">Doom keeps the special after use (R types); otherwise the line's special is cleared.</param>
/// <param name="Keys">The keys it needs, or null.</param>
/// <param name="MonstersOnly">Only monsters set it off (Doom's 125/126 teleports, Boom's monster-only types): a player crossing does nothing.</param>
/// <param name="Effect">What it does, broadly.</param>
/// <param name="Name">The trigger code and the special's name, for messages.</param>
internal sealed record LineRule(PlayerTrigger Trigger, bool Repeatable, KeyRequirement? Keys, bool MonstersOnly, LineEffect Effect, string Name)
{
    /// <summary>ZDoom's firstsideonly: a walk-over line is set off only crossed from its front to its back.</summary>
    public bool FrontSideOnly { get; init; }

    /// <summary>A UDMF line with <c>impact</c> beside its walk or use activation: a shot sets it off too.</summary>
    public bool Shootable { get; init; }

    /// <summary>The rule of a line's special in the level's numbering, or null when the line has no special Doom knows.</summary>
    public static LineRule? Of(Level level, in Linedef line)
    {
        if (line.Special == 0)
        {
            return null;
        }

        return level.UsesDoomSpecials ? OfDoom(line) : OfHexen(level, line);
    }

    private static LineRule? OfDoom(in Linedef line)
    {
        var info = LinedefSpecials.FindDoom(line.Special);
        if (info is null)
        {
            return null;
        }

        var trigger = info.Trigger switch
        {
            LineTrigger.Switch or LineTrigger.Door => PlayerTrigger.Use,
            LineTrigger.Walk => PlayerTrigger.Walk,
            LineTrigger.Gun => PlayerTrigger.Gun,
            _ => PlayerTrigger.None,
        };

        // P_CrossSpecialLine: 125 and 126 teleport only "if (!thing->player)"; Boom adds monster-only teleports 264-269.
        var monstersOnly = line.Special is 125 or 126 or (>= 264 and <= 269);
        return new LineRule(trigger, info.Repeatable, info.Keys, monstersOnly, info.Effect, $"{info.TriggerCode} {info.Name}");
    }

    private static LineRule? OfHexen(Level level, in Linedef line)
    {
        // A line whose script does one thing is that special (ScriptedLines); its lock stays the line's.
        var acts = ScriptedLines.Effective(level, line);
        var info = LinedefSpecials.FindHexen(acts.Special);
        if (info is null)
        {
            return null;
        }

        var activation = line.Activation;
        var trigger = (activation & LineActivation.PlayerUse) != 0 ? PlayerTrigger.Use
            : (activation & LineActivation.PlayerCross) != 0 ? PlayerTrigger.Walk
            : (activation & LineActivation.Impact) != 0 ? PlayerTrigger.Gun
            : (activation & LineActivation.PlayerPush) != 0 ? PlayerTrigger.Push
            : PlayerTrigger.None;

        // The line's lock argument, or that of the special its script calls.
        var keys = LinedefSpecials.HexenLineLock(line, acts);
        var monstersOnly = trigger == PlayerTrigger.None && (activation & (LineActivation.MonsterCross | LineActivation.MonsterUse)) != 0;
        return new LineRule(trigger, (activation & LineActivation.Repeatable) != 0, keys, monstersOnly, info.Effect, info.Name)
        {
            FrontSideOnly = (activation & LineActivation.FirstSideOnly) != 0,
            Shootable = trigger != PlayerTrigger.Gun && (activation & LineActivation.Impact) != 0,
        };
    }
}
