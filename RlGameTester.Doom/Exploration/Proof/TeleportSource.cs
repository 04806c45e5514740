using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>A line that may teleport the player: how it is set off, and where it may put the body (destination things or lines).</summary>
internal sealed record TeleportSource(int Line, LineTrigger Trigger, string Mechanic, List<(double X, double Y)> Things, int[] Lines);
