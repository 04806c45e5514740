using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>A line that ends the level when the player crosses, uses or shoots it.</summary>
internal sealed record ExitLine(int Line, LineTrigger Trigger);
