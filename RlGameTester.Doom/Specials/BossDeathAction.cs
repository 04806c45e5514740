namespace RlGameTester.Doom.Specials;

/// <summary>Something the engine does when every monster of a type on the level is dead.</summary>
/// <param name="MonsterType">The thing type that must all die.</param>
/// <param name="Tag">The sector tag acted on, or null when the level simply ends.</param>
/// <param name="Effect">What happens.</param>
public sealed record BossDeathAction(int MonsterType, int? Tag, BossEffect Effect);
