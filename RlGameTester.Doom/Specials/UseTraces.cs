using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// Which special lines a use's trace stops at before reaching a line behind them, by the rule of the ports a level is
/// made for. Doom's and Boom's PTR_UseTraverse hand the use to the first line with any special and stop there (Boom's
/// pass-use flag lets the trace go on). The ZDoom family's P_UseTraverse stops only at a line the player's use sets
/// off; a walk-over or shoot line is a plain line to it, passed where its opening is open (a switch in a slot behind a
/// gun line: Hacx 2.0's MAP18). A line whose special nobody knows stops the trace either way.
/// </summary>
public static class UseTraces
{
    /// <summary>Whether the line, with its special still active, stops a use's trace on this level.</summary>
    public static bool StopAtSpecial(Level level, in Linedef line)
    {
        if (line.Special == 0 || (level.UsesDoomSpecials && line.HasFlag(LinedefFlags.PassUse)))
        {
            return false;
        }

        if (!level.MadeForZDoomPorts)
        {
            return true;
        }

        return level.UsesDoomSpecials
            ? LinedefSpecials.FindDoom(line.Special) is not { } info || info.Trigger is LineTrigger.Switch or LineTrigger.Door
            : (line.Activation & LineActivation.PlayerUse) != 0;
    }
}
