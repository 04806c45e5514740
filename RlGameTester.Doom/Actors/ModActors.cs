namespace RlGameTester.Doom.Actors;

/// <summary>
/// What a mod's actor definitions (DECORATE, ZScript, MAPINFO's DoomEdNums, DEHACKED things) change about how a level plays: the editor
/// numbers they define and the actors whose states end the level, open boss doors, move sectors or run scripts. A map
/// made for a mod is only judged right with them: a replaced Baron of Hell whose death calls A_BrainDie ends the level
/// though Doom's own Baron does not.
/// </summary>
public sealed class ModActors
{
    public ModActors(IReadOnlyList<ActorRule> rules, IReadOnlySet<int> editorNumbers, IReadOnlyList<string> problems)
    {
        Rules = rules;
        EditorNumbers = editorNumbers;
        Problems = problems;
    }

    /// <summary>No mod: Doom's own actors only.</summary>
    public static ModActors None { get; } = new([], new HashSet<int>(), []);

    public IReadOnlyList<ActorRule> Rules { get; }

    /// <summary>Editor numbers the mod gives its new actors.</summary>
    public IReadOnlySet<int> EditorNumbers { get; }

    /// <summary>What could not be read (a missing include, an unclosed body), read past as the ports do.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Editor numbers a DEHACKED patch renumbers or reshapes (size, flags), with what it does: their things are not the
    /// size or solidity Doom's table gives.
    /// </summary>
    public IReadOnlyDictionary<int, DehackedChange> Reshaped { get; internal init; } = new Dictionary<int, DehackedChange>();

    /// <summary>How the mod's actors occupy the map, by the editor number that places them.</summary>
    public IReadOnlyDictionary<int, ActorShape> Shapes { get; internal init; } = new Dictionary<int, ActorShape>();

    /// <summary>
    /// The Doom item each number the mod places is, by its class's ancestry (the mod's BlueKey : BlueCard at Shotgun's
    /// number is the blue keycard), or null where the mod places a class that is no Doom item (its own gun at BlueCard's
    /// number). Numbers the mod does not place keep Doom's table.
    /// </summary>
    public IReadOnlyDictionary<int, int?> Pickups { get; internal init; } = new Dictionary<int, int?>();

    /// <summary>The Doom key (its editor number) a thing of each number leaves when it dies: a mod's monster that drops a key.</summary>
    public IReadOnlyDictionary<int, int> KeyDrops { get; internal init; } = new Dictionary<int, int>();

    /// <summary>
    /// What a class the mod defines or replaces turns into when a script or special spawns it by name (see
    /// <see cref="SpawnedClass"/>). Names not here are Doom's own classes as the ports define them.
    /// </summary>
    public IReadOnlyDictionary<string, SpawnedClass> SpawnedClasses { get; internal init; } = new Dictionary<string, SpawnedClass>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The mod has DECORATE, ZScript or (Z)MAPINFO definitions, which only ZDoom-family ports read: its maps are played
    /// there, where a player may jump, whatever their format.
    /// </summary>
    public bool ForZDoomPorts { get; internal init; }

    /// <summary>
    /// The mod defines actors (DECORATE, ZScript), which only ZDoom-family ports read: its maps are played nowhere else. A
    /// MAPINFO alone does not say so: vanilla-compatible map sets ship one for those ports' level names (freedoom does).
    /// </summary>
    public bool ZDoomOnly { get; internal init; }

    /// <summary>Whether a MAPINFO lets the player jump (<c>allowjump</c>) or not (<c>nojump</c>), by level name (<c>*</c>: every level).</summary>
    public IReadOnlyDictionary<string, bool> Jumping { get; internal init; } = new Dictionary<string, bool>();

    /// <summary>
    /// Whether a ZDoom-family port lets the player jump on the level: yes unless its MAPINFO entry, or a default entry,
    /// says <c>nojump</c> (FLevelLocals::IsJumpingAllowed with the default dmflags).
    /// </summary>
    public bool JumpAllowed(string levelName) =>
        Jumping.TryGetValue(levelName, out var own) ? own : !Jumping.TryGetValue("*", out var all) || all;

    /// <summary>Boss rules a MAPINFO gives levels by name (<c>*</c>: every level).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ActorRule>> LevelRules { get; internal init; } = new Dictionary<string, IReadOnlyList<ActorRule>>();

    public bool IsEmpty => Rules.Count == 0 && EditorNumbers.Count == 0 && Reshaped.Count == 0 && Shapes.Count == 0 && Pickups.Count == 0 && KeyDrops.Count == 0 && LevelRules.Count == 0 && Jumping.Count == 0 && SpawnedClasses.Count == 0 && !ForZDoomPorts && !ZDoomOnly;

    /// <summary>The rules on a level: the actors' own and those its MAPINFO entry (or a default entry) gives it.</summary>
    public IEnumerable<ActorRule> RulesOn(string levelName) =>
        Rules.Concat(LevelRules.GetValueOrDefault(levelName) ?? []).Concat(LevelRules.GetValueOrDefault("*") ?? []);

    /// <summary>The rules for things of a type.</summary>
    public IEnumerable<ActorRule> For(int editorNumber) => Rules.Where(r => r.EditorNumber == editorNumber);

    /// <summary>This mod with another loaded after it: both sets of rules and numbers.</summary>
    public ModActors Merge(ModActors later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.IsEmpty && later.Problems.Count == 0)
        {
            return this;
        }

        if (IsEmpty && Problems.Count == 0)
        {
            return later;
        }

        // What a later MAPINFO says of a level wins, as for numbers.
        var jumping = new Dictionary<string, bool>(Jumping, StringComparer.OrdinalIgnoreCase);
        foreach (var (level, allowed) in later.Jumping)
        {
            jumping[level] = allowed;
        }

        var spawned = new Dictionary<string, SpawnedClass>(SpawnedClasses, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, what) in later.SpawnedClasses)
        {
            spawned[name] = what;
        }

        var levelRules = new Dictionary<string, IReadOnlyList<ActorRule>>(LevelRules, StringComparer.OrdinalIgnoreCase);
        foreach (var (level, list) in later.LevelRules)
        {
            levelRules[level] = [.. levelRules.GetValueOrDefault(level) ?? [], .. list];
        }

        return new([.. Rules, .. later.Rules], new HashSet<int>(EditorNumbers.Concat(later.EditorNumbers)), [.. Problems, .. later.Problems])
        {
            Reshaped = Overlaid(Reshaped, later.Reshaped),
            Shapes = Overlaid(Shapes, later.Shapes),
            Pickups = Overlaid(Pickups, later.Pickups),
            KeyDrops = Overlaid(KeyDrops, later.KeyDrops),
            Jumping = jumping,
            ForZDoomPorts = ForZDoomPorts || later.ForZDoomPorts,
            ZDoomOnly = ZDoomOnly || later.ZDoomOnly,
            LevelRules = levelRules,
            SpawnedClasses = spawned,
        };
    }

    // What a later mod says of a number wins over an earlier one's.
    private static Dictionary<int, T> Overlaid<T>(IReadOnlyDictionary<int, T> earlier, IReadOnlyDictionary<int, T> later)
    {
        var result = new Dictionary<int, T>(earlier);
        foreach (var (number, value) in later)
        {
            result[number] = value;
        }

        return result;
    }
}

/// <summary>
/// A mod's class as a spawn by name makes it: whether it is a plain monster (a monster whose states do nothing to the
/// level and that drops no key) and the Doom type it descends from (its boss deaths are the level's, as Doom's are).
/// </summary>
public sealed record SpawnedClass(bool PlainMonster, int? DoomType);
