using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// Reads a mod's actor definitions as far as a static reading allows: DECORATE and ZScript class headers (name,
/// parent, replaced class, editor number), the actions their bodies call, the items a random spawner drops, their
/// solidity and size, MAPINFO's DoomEdNums and boss flags (<see cref="LevelBossFlags"/>), and DEHACKED's thing changes
/// (<see cref="DehackedThings"/>). Files are given as named texts; <c>#include</c> names are looked up through a resolver
/// (a lump name in a WAD, a path in a folder). Bodies are not interpreted: an action anywhere in an actor's states
/// counts, which can only make a proof more careful, never less.
/// </summary>
public sealed partial class ActorScript
{
    // Bounds on what a mod's text can make this do: includes followed, and links followed from one class to another.
    private const int MaxFiles = 512;
    private const int MaxLinks = 16;
    private const int DefaultRadius = 20;
    private const int DefaultHeight = 16;

    // The engine's item base classes a mod's items derive from, by the kind of item they are.
    private static readonly Dictionary<string, ThingCategory> ItemBases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Key"] = ThingCategory.Key, ["DoomKey"] = ThingCategory.Key,
        ["Weapon"] = ThingCategory.Weapon, ["DoomWeapon"] = ThingCategory.Weapon,
        ["Ammo"] = ThingCategory.Ammo, ["Health"] = ThingCategory.Health, ["HealthPickup"] = ThingCategory.Health,
        ["Armor"] = ThingCategory.Armor, ["BasicArmorPickup"] = ThingCategory.Armor, ["BasicArmorBonus"] = ThingCategory.Armor,
        ["PowerupGiver"] = ThingCategory.Powerup,
    };

    private readonly Func<string, string?> _resolve;
    private readonly Dictionary<string, ActorClass> _classes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, string> _doomEdNums = [];
    private readonly HashSet<string> _seenFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];
    private readonly Dictionary<int, DehackedChange> _reshaped = [];
    private readonly List<(string Level, string Class, ActorEffect Effect, int? Tag, string Call)> _levelRules = [];
    private bool _zdoomFamily;
    private bool _zdoomOnly;
    private readonly Dictionary<string, bool> _jumping = new(StringComparer.OrdinalIgnoreCase);

    private ActorScript(Func<string, string?> resolve) => _resolve = resolve;

    /// <summary>Reads the root files (DECORATE, ZSCRIPT, MAPINFO, ZMAPINFO, DEHACKED lumps or files) and what they include.</summary>
    /// <param name="roots">Each root's name and text.</param>
    /// <param name="resolve">The text of an included file by the name the include gives, or null when there is none.</param>
    public static ModActors Read(IEnumerable<(string Name, string Text)> roots, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(resolve);
        var script = new ActorScript(resolve);
        foreach (var (name, text) in roots)
        {
            script.ReadFile(name, text, mapInfo: IsMapInfo(name));
        }

        return script.Build();
    }

    private static bool IsMapInfo(string name) => name.Contains("MAPINFO", StringComparison.OrdinalIgnoreCase);

    // A file MAPINFO includes is MAPINFO whatever its name (GZDoom's MAPINFO parser reads it so): PSX Doom CE's
    // mapinfo.txt takes its DoomEdNums from "mapinfo/nums.txt" by its own `include`, which has no '#'.
    private void ReadFile(string name, string text, bool mapInfo)
    {
        if (!_seenFiles.Add(name))
        {
            return;
        }

        if (_seenFiles.Count > MaxFiles)
        {
            if (_seenFiles.Count == MaxFiles + 1)
            {
                _problems.Add($"more than {MaxFiles} actor files; {name} and later ones are not read");
            }

            return;
        }

        // Every actor or map definition but a DEHACKED patch is read by ZDoom-family ports only.
        _zdoomFamily |= !DehackedThings.IsPatchName(name);
        if (DehackedThings.IsPatchName(name))
        {
            foreach (var (number, change) in DehackedThings.Read(text))
            {
                _reshaped[number] = change;
            }

            return;
        }

        text = StripComments(text);
        foreach (Match include in (mapInfo ? MapInfoIncludePattern() : IncludePattern()).Matches(text))
        {
            var target = include.Groups[1].Value;
            if (_resolve(target) is { } included)
            {
                ReadFile(target, included, mapInfo || IsMapInfo(target));
            }
            else
            {
                _problems.Add($"{name} includes {target}, which is not there");
            }
        }

        ReadDoomEdNums(text);
        if (mapInfo)
        {
            _levelRules.AddRange(LevelBossFlags.Read(text));
            foreach (var (level, allowed) in LevelJumps.Read(text))
            {
                _jumping[level] = allowed;
            }

            return;
        }

        _zdoomOnly = true;
        ReadClasses(name, text);
    }

    private void ReadClasses(string file, string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var header = HeaderPattern().Match(text, at);
            if (!header.Success)
            {
                return;
            }

            var open = header.Index + header.Length - 1;
            var close = MatchingBrace(text, open);
            if (close < 0)
            {
                _problems.Add($"{file}: the body of {header.Groups[2].Value} is never closed");
                close = text.Length - 1;
            }

            var name = header.Groups[2].Value;
            int? number = int.TryParse(header.Groups[5].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
            _classes[name] = new ActorClass(
                name,
                header.Groups[3].Success ? header.Groups[3].Value : null,
                header.Groups[4].Success ? header.Groups[4].Value : null,
                number,
                text.AsSpan(open + 1, close - open - 1).ToString());
            at = close + 1;
        }
    }

    private void ReadDoomEdNums(string text)
    {
        foreach (Match block in DoomEdNumsPattern().Matches(text))
        {
            foreach (Match entry in DoomEdNumPattern().Matches(block.Groups[1].Value))
            {
                if (int.TryParse(entry.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    _doomEdNums[number] = entry.Groups[2].Value;
                }
            }
        }
    }

    private ModActors Build()
    {
        // Which class each editor number spawns, as ZDoom resolves it: a number the mod gives a class of its own (its
        // header's number, MAPINFO's DoomEdNums) is that class, not Doom's; any other number of Doom's is Doom's class.
        // Then a class the mod replaces spawns its replacement instead.
        var spawns = new Dictionary<int, string>();
        foreach (var actor in _classes.Values)
        {
            if (actor.Replaces is { } replaced && DoomClassNames.Find(replaced) is { } doomNumber)
            {
                spawns[doomNumber] = replaced;
            }
        }

        foreach (var actor in _classes.Values)
        {
            if (actor.Number is { } own)
            {
                spawns[own] = actor.Name;
            }
        }

        foreach (var (number, name) in _doomEdNums)
        {
            spawns[number] = name;
        }

        var replacements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in _classes.Values)
        {
            if (actor.Replaces is { } replaced)
            {
                replacements[replaced] = actor.Name;
            }
        }

        var placed = spawns.ToDictionary(p => p.Key, p => (Named: p.Value, Spawned: Replacement(p.Value, replacements)));
        var numbers = new HashSet<int>(_classes.Values.Select(a => a.Number).OfType<int>().Concat(_doomEdNums.Keys).Concat(_reshaped.Keys));
        var rules = new List<ActorRule>();
        var shapes = new Dictionary<int, ActorShape>();
        var pickups = new Dictionary<int, int?>();
        var keyDrops = new Dictionary<int, int>();
        foreach (var (number, (named, spawned)) in placed)
        {
            if (PickupAt(number, spawned) is var pickup && pickup != (ThingTypes.Find(number) is { IsPickup: true } ? number : null))
            {
                pickups[number] = pickup;
            }

            if (KeyDropOf(spawned, 0) is { } key)
            {
                keyDrops[number] = key;
            }

            if (!_classes.ContainsKey(spawned))
            {
                continue;
            }

            if (ShapeOf(spawned, 0) is { } shape)
            {
                shapes[number] = shape with { ClassName = spawned };
            }

            foreach (var (effect, tag, call) in EffectsOf(spawned, 0).Distinct())
            {
                rules.Add(new ActorRule(number, spawned, effect, tag, call));
            }
        }

        // A MAPINFO's boss rules name a class: the numbers that place it, before its replacement (ZDoom's A_BossDeath
        // asks the replaced class) or after; Doom's own number when nothing else places it.
        var levelRules = new Dictionary<string, List<ActorRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (level, className, effect, tag, call) in _levelRules)
        {
            var targets = placed.Where(p => string.Equals(p.Value.Named, className, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Value.Spawned, className, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Key).ToList();
            if (targets.Count == 0 && DoomClassNames.Find(className) is { } doom && !placed.ContainsKey(doom))
            {
                targets.Add(doom);
            }

            foreach (var number in targets)
            {
                (levelRules.TryGetValue(level, out var list) ? list : levelRules[level] = []).Add(new ActorRule(number, className, effect, tag, call));
            }
        }

        // A class spawned by name is its replacement, as a placed one is: what each name the mod defines or replaces becomes.
        var spawnedClasses = new Dictionary<string, SpawnedClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _classes.Keys.Concat(replacements.Keys))
        {
            var spawned = Replacement(name, replacements);
            spawnedClasses[name] = new SpawnedClass(
                ShapeOf(spawned, 0) is { IsMonster: true } && !EffectsOf(spawned, 0).Any() && KeyDropOf(spawned, 0) is null, DoomAncestor(spawned, 0));
        }

        return new ModActors(rules, numbers, _problems) { Reshaped = _reshaped, Shapes = shapes, Pickups = pickups, KeyDrops = keyDrops, ForZDoomPorts = _zdoomFamily, ZDoomOnly = _zdoomOnly, Jumping = _jumping, LevelRules = levelRules.ToDictionary(p => p.Key, p => (IReadOnlyList<ActorRule>)p.Value, StringComparer.OrdinalIgnoreCase), SpawnedClasses = spawnedClasses };
    }

    // The Doom type a class is or descends from through the mod's classes, or null.
    private int? DoomAncestor(string className, int depth) =>
        depth > MaxLinks ? null
        : _classes.TryGetValue(className, out var actor) ? actor.Parent is { } parent ? DoomAncestor(parent, depth + 1) : null
        : DoomClassNames.Find(className);

    // The class a class's spawn turns into: its replacement, and the replacement's, as far as the mod goes.
    private static string Replacement(string className, Dictionary<string, string> replacements)
    {
        for (var link = 0; link < MaxLinks && replacements.TryGetValue(className, out var by) && !string.Equals(by, className, StringComparison.OrdinalIgnoreCase); link++)
        {
            className = by;
        }

        return className;
    }

    // What a class's states do, with what it inherits from mod classes and what it spawns as a random spawner.
    private IEnumerable<(ActorEffect Effect, int? Tag, string Call)> EffectsOf(string className, int depth)
    {
        if (depth > MaxLinks || !_classes.TryGetValue(className, out var actor))
        {
            yield break;
        }

        foreach (var effect in actor.Effects)
        {
            yield return effect;
        }

        if (actor.Parent is { } parent)
        {
            foreach (var effect in EffectsOf(parent, depth + 1))
            {
                yield return effect;
            }
        }

        if (IsRandomSpawner(actor, depth))
        {
            foreach (var dropped in actor.DropItems)
            {
                foreach (var effect in EffectsOf(dropped, depth + 1))
                {
                    yield return effect;
                }
            }
        }
    }

    // A class's solidity, monster-ness, shootability, size and whether it hangs: its own, else its parent's (a mod class, or Doom's as its table gives
    // them), else an engine Actor's (not solid, radius 20, height 16). A random spawner is what it drops: solid scenery when any drop is.
    private ActorShape? ShapeOf(string className, int depth)
    {
        if (depth > MaxLinks)
        {
            return null;
        }

        if (!_classes.TryGetValue(className, out var actor))
        {
            return DoomClassNames.Find(className) is { } number && ThingTypes.Find(number) is { } doom
                ? new ActorShape(className, doom.Blocking, doom.IsActor, doom.IsActor || doom.Health > 0, doom.Radius, doom.Height, doom.Hangs)
                : new ActorShape(className, false, false, false, DefaultRadius, DefaultHeight);
        }

        if (IsRandomSpawner(actor, depth))
        {
            var drops = actor.DropItems.Select(d => ShapeOf(d, depth + 1)).OfType<ActorShape>().ToList();
            return drops.FirstOrDefault(d => d.Blocks) ?? new ActorShape(className, false, drops.Count > 0 && drops.All(d => d.IsMonster), false, DefaultRadius, DefaultHeight);
        }

        var parent = actor.Parent is { } p ? ShapeOf(p, depth + 1) : null;
        return new ActorShape(
            className,
            actor.Solid ?? parent?.Solid ?? false,
            actor.IsMonster ?? parent?.IsMonster ?? false,
            actor.Shootable ?? parent?.Shootable ?? false,
            actor.Radius ?? parent?.Radius ?? DefaultRadius,
            actor.Height ?? parent?.Height ?? DefaultHeight,
            actor.Hangs ?? parent?.Hangs ?? false);
    }

    // The Doom item a thing of a number gives: what its class's ancestry reaches (BlueKey : BlueCard is the blue
    // keycard, wherever it is placed). A class that reaches only an engine base class (DoomKey, Ammo, Weapon...) gives the
    // item of the number it took over when that item is of the same kind, as ZDoom's locks and pickups follow replacements
    // (Hacx's HacxKeyCard : DoomKey replaces BlueCard opens blue doors), and no item of another kind (a gun at BlueCard's
    // number is no key). A class of unknown kind keeps a Doom item that is no key: a key is only counted where it is sure.
    private int? PickupAt(int number, string className)
    {
        var (item, kind) = ItemOf(className, 0);
        var doom = ThingTypes.Find(number) is { IsPickup: true } info ? info : null;
        return item ?? (doom is null ? null
            : kind == doom.Category ? number
            : kind is null && doom.Key == DoomKeys.None ? number
            : null);
    }

    private (int? Item, ThingCategory? Kind) ItemOf(string className, int depth)
    {
        if (depth > MaxLinks)
        {
            return (null, null);
        }

        if (!_classes.TryGetValue(className, out var actor))
        {
            if (DoomClassNames.Find(className) is { } number && ThingTypes.Find(number) is { IsPickup: true } info)
            {
                return (number, info.Category);
            }

            return (null, ItemBases.TryGetValue(className, out var kind) ? kind : null);
        }

        if (IsRandomSpawner(actor, depth))
        {
            var drops = actor.DropItems.Select(d => ItemOf(d, depth + 1)).Distinct().ToList();
            return drops.Count == 1 ? drops[0] : (null, null);
        }

        return actor.Parent is { } parent ? ItemOf(parent, depth + 1) : (null, null);
    }

    // The Doom key a class leaves behind when it dies (a monster whose states spawn a key, or whose DropItem always
    // drops one), by its own body or its ancestry; a random spawner only when every choice leaves that key.
    private int? KeyDropOf(string className, int depth)
    {
        if (depth > MaxLinks || !_classes.TryGetValue(className, out var actor))
        {
            return null;
        }

        if (IsRandomSpawner(actor, depth))
        {
            var drops = actor.DropItems.Select(d => KeyDropOf(d, depth + 1)).Distinct().ToList();
            return drops.Count == 1 ? drops[0] : null;
        }

        foreach (var item in actor.SpawnedItems.Concat(actor.SureDrops))
        {
            if (ItemOf(item, depth + 1).Item is { } number && ThingTypes.Find(number) is { Key: not DoomKeys.None })
            {
                return number;
            }
        }

        return actor.Parent is { } parent ? KeyDropOf(parent, depth + 1) : null;
    }

    private bool IsRandomSpawner(ActorClass actor, int depth) =>
        actor.Parent is { } parent && depth <= MaxLinks &&
        (string.Equals(parent, "RandomSpawner", StringComparison.OrdinalIgnoreCase) ||
         (_classes.TryGetValue(parent, out var up) && IsRandomSpawner(up, depth + 1)));

    // The brace that closes the one at open, skipping quoted strings; -1 when the text ends first.
    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    var end = text.IndexOf('"', i + 1);
                    if (end < 0)
                    {
                        return -1;
                    }

                    i = end;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    /// <summary>The text without <c>//</c> and <c>/* */</c> comments; line breaks are kept so lines keep their starts.</summary>
    internal static string StripComments(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;
                for (var k = i; k < stop; k++)
                {
                    if (text[k] == '\n')
                    {
                        builder.Append('\n');
                    }
                }

                i = stop;
            }
            else if (text[i] == '"')
            {
                // A string may hold "//" (a path); copy it whole.
                var end = text.IndexOf('"', i + 1);
                var stop = end < 0 ? text.Length : end + 1;
                builder.Append(text, i, stop - i);
                i = stop;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("""^[ \t]*#include[ \t]+"([^"]+)"[ \t]*\r?$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex IncludePattern();

    // MAPINFO's include takes the '#' or not.
    [GeneratedRegex("""^[ \t]*#?include[ \t]+"([^"]+)"[ \t]*\r?$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MapInfoIncludePattern();

    // "actor Name [: Parent] [replaces Other] [number] [native] {" (DECORATE) or "class Name [: Parent] [replaces Other] ... {" (ZScript).
    [GeneratedRegex("""(?<![\w.])(actor|class)\s+([\w.]+)(?:\s*:\s*([\w.]+))?(?:\s+replaces\s+([\w.]+))?(?:\s+(\d+))?[^{};=()]*\{""", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex("""DoomEdNums\s*\{([^}]*)\}""", RegexOptions.IgnoreCase)]
    private static partial Regex DoomEdNumsPattern();

    [GeneratedRegex("""(\d+)\s*=\s*"?([\w.]+)"?""")]
    private static partial Regex DoomEdNumPattern();
}
