using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// The hard-coded boss rules of Doom's engine (A_BossDeath, A_KeenDie, A_BrainDie): which level names
/// react to which monsters' deaths, and how. Tags 666 and 667 do nothing on other levels.
/// </summary>
public static class BossDeathActions
{
    private const int Baron = 3003;
    private const int Cyberdemon = 16;
    private const int Spider = 7;
    private const int Mancubus = 67;
    private const int Arachnotron = 68;
    private const int Keen = 72;
    private const int BossBrain = 88;

    /// <summary>
    /// The boss rules a level is played by: Doom's for its name, those of the mod's actors whose states end the level
    /// (A_BrainDie, Exit_Normal) or open its boss doors (A_KeenDie), and those its MAPINFO gives it (map07special, ...).
    /// </summary>
    public static IReadOnlyList<BossDeathAction> For(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var actions = new List<BossDeathAction>(For(level.Name));
        foreach (var rule in level.Actors.RulesOn(level.Name))
        {
            BossDeathAction? action = rule.Effect switch
            {
                ActorEffect.ExitLevel => new(rule.EditorNumber, null, BossEffect.ExitLevel),
                ActorEffect.OpenDoor => new(rule.EditorNumber, rule.Tag, BossEffect.OpenDoor),
                ActorEffect.LowerFloor => new(rule.EditorNumber, rule.Tag, BossEffect.LowerFloor),
                ActorEffect.RaiseFloor => new(rule.EditorNumber, rule.Tag, BossEffect.RaiseFloor),
                _ => null,
            };
            if (action is not null && !actions.Contains(action))
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    /// <summary>Doom's boss rules for a level name (Commander Keen's tag 666 door applies on every level).</summary>
    public static IReadOnlyList<BossDeathAction> For(string levelName)
    {
        ArgumentNullException.ThrowIfNull(levelName);
        var actions = new List<BossDeathAction> { new(Keen, 666, BossEffect.OpenDoor) };
        switch (levelName.ToUpperInvariant())
        {
            case "E1M8":
                actions.Add(new(Baron, 666, BossEffect.LowerFloor));
                break;
            case "E2M8":
                actions.Add(new(Cyberdemon, null, BossEffect.ExitLevel));
                break;
            case "E3M8":
                actions.Add(new(Spider, null, BossEffect.ExitLevel));
                break;
            case "E4M6":
                actions.Add(new(Cyberdemon, 666, BossEffect.OpenDoor));
                break;
            case "E4M8":
                actions.Add(new(Spider, 666, BossEffect.LowerFloor));
                break;
            case "MAP07":
                actions.Add(new(Mancubus, 666, BossEffect.LowerFloor));
                actions.Add(new(Arachnotron, 667, BossEffect.RaiseFloor));
                break;
        }

        // The Icon of Sin ends the game on any level it is placed in.
        actions.Add(new(BossBrain, null, BossEffect.ExitLevel));
        return actions;
    }
}
