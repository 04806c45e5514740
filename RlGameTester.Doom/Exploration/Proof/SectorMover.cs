namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// Something that may move sectors during play: a line or thing special, a boss death, a sector's timed door. A null
/// <see cref="Move"/> means its effect is not known (an unknown special, a script): the sectors may be at any height.
/// </summary>
/// <param name="Sectors">The sectors it acts on.</param>
/// <param name="Move">How it moves them, or null when that is not known.</param>
/// <param name="Mechanic">What it is, for a finding: "line 12 (S1 Floor lower to lowest floor)", "ACS scripts".</param>
/// <param name="Line">The line that carries it, if any.</param>
/// <param name="FrontSector">The sector in front of that line (for elevators called to its floor).</param>
/// <param name="FixedFloors">Per sector, where a staircase or donut computed from the start heights puts its floor.</param>
internal sealed record SectorMover(int[] Sectors, Specials.SectorMove? Move, string Mechanic, int? Line = null, int? FrontSector = null, int?[]? FixedFloors = null);
