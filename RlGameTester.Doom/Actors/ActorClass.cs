using System.Globalization;
using System.Text.RegularExpressions;

namespace RlGameTester.Doom.Actors;

/// <summary>One actor class as a mod defines it: its header, and what its body calls and drops.</summary>
internal sealed partial class ActorClass
{
    private const int DefaultBossTag = 666;

    // DropItem's chance out of 255: 255 (and the default) always drops.
    private const int MaxDropChance = 255;

    public ActorClass(string name, string? parent, string? replaces, int? number, string body)
    {
        Name = name;
        Parent = parent;
        Replaces = replaces;
        Number = number;
        var drops = DropItemPattern().Matches(body);
        DropItems = [.. drops.Select(m => m.Groups[1].Value)];
        SureDrops = [.. drops.Where(AlwaysDrops).Select(m => m.Groups[1].Value)];
        SpawnedItems = [.. SpawnItemPattern().Matches(body).Select(m => m.Groups[1].Value)];

        // Names in strings (sounds, sprites, class names to spawn) are neither calls nor properties.
        var code = StringPattern().Replace(body, "\"\"");
        Effects = ReadEffects(code);
        Radius = Whole(RadiusPattern().Match(code));
        Height = Whole(HeightPattern().Match(code));
        foreach (Match flag in FlagPattern().Matches(code))
        {
            var on = flag.Groups[1].Value == "+";
            switch (flag.Groups[2].Value.ToUpperInvariant())
            {
                case "SOLID":
                    Solid = on;
                    break;
                case "ISMONSTER":
                    IsMonster = on;
                    break;
                case "SHOOTABLE":
                    Shootable = on;
                    break;
                case "SPAWNCEILING":
                    Hangs = on;
                    break;
            }
        }

        // DECORATE's and ZScript's "Monster" combination sets SOLID, SHOOTABLE, ISMONSTER and COUNTKILL.
        if (MonsterPattern().IsMatch(code))
        {
            Solid ??= true;
            IsMonster ??= true;
            Shootable ??= true;
        }
    }

    /// <summary>The radius the body sets, or null to inherit.</summary>
    public int? Radius { get; }

    /// <summary>The height the body sets, or null to inherit.</summary>
    public int? Height { get; }

    /// <summary>+SOLID or -SOLID as the body sets it, or null to inherit.</summary>
    public bool? Solid { get; }

    /// <summary>+SHOOTABLE or -SHOOTABLE as the body sets it, or null to inherit.</summary>
    public bool? Shootable { get; }

    /// <summary>+SPAWNCEILING or -SPAWNCEILING as the body sets it (the actor hangs from the ceiling), or null to inherit.</summary>
    public bool? Hangs { get; }

    /// <summary>A monster (the Monster combination or +ISMONSTER), or null to inherit.</summary>
    public bool? IsMonster { get; }

    public string Name { get; }

    public string? Parent { get; }

    public string? Replaces { get; }

    public int? Number { get; }

    public List<(ActorEffect Effect, int? Tag, string Call)> Effects { get; }

    /// <summary>The DropItem entries: a random spawner's choices, or what a monster may drop when it dies.</summary>
    public List<string> DropItems { get; }

    /// <summary>DropItem entries dropped every time (no chance given, or 255).</summary>
    public List<string> SureDrops { get; }

    /// <summary>Classes its states spawn or drop by name (A_SpawnItem, A_SpawnItemEx, A_DropItem), wherever in its states.</summary>
    public List<string> SpawnedItems { get; }

    private static int? Whole(Match property) =>
        property.Success && int.TryParse(property.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool AlwaysDrops(Match drop) =>
        !drop.Groups[2].Success || !int.TryParse(drop.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var chance) || chance >= MaxDropChance;

    private static List<(ActorEffect, int?, string)> ReadEffects(string code)
    {
        var effects = new List<(ActorEffect, int?, string)>();
        foreach (Match call in CallPattern().Matches(code))
        {
            var name = call.Groups[1].Value;
            var arguments = call.Groups[2].Value;
            if (name.Equals("A_KeenDie", StringComparison.OrdinalIgnoreCase))
            {
                // ZDoom's A_KeenDie takes the door tag as its first argument, 666 when it has none.
                var first = arguments.Split(',')[0].Trim();
                var tag = int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : DefaultBossTag;
                effects.Add((ActorEffect.OpenDoor, tag, name));
            }
            else if (ExitPattern().IsMatch(name))
            {
                effects.Add((ActorEffect.ExitLevel, null, name));
            }
            else if (name.StartsWith("ACS_", StringComparison.OrdinalIgnoreCase) || name.Equals("CallACS", StringComparison.OrdinalIgnoreCase))
            {
                effects.Add((ActorEffect.RunsScript, null, name));
            }
            else
            {
                effects.Add((ActorEffect.MovesSectors, null, name));
            }
        }

        return effects;
    }

    // Actions and line specials that act on the level, not just on the actor: level ends, boss doors, scripts, movers.
    [GeneratedRegex("""(?<![\w.])(A_BrainDie|A_KeenDie|Exit_Normal|Exit_Secret|Teleport_NewMap|Teleport_EndGame|ACS_\w+|CallACS|(?:Door|Floor|Ceiling|Plat|Generic|Stairs|Pillar|FloorAndCeiling|Elevator)_\w+)\b\s*(?:\(([^)]*)\))?""", RegexOptions.IgnoreCase)]
    private static partial Regex CallPattern();

    [GeneratedRegex("^(A_BrainDie|Exit_Normal|Exit_Secret|Teleport_NewMap|Teleport_EndGame)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExitPattern();

    [GeneratedRegex(@"(?<![\w.])Radius\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex RadiusPattern();

    [GeneratedRegex(@"(?<![\w.])Height\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeightPattern();

    [GeneratedRegex(@"([+-])\s*(SOLID|SHOOTABLE|ISMONSTER|SPAWNCEILING)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlagPattern();

    // On a line of its own in DECORATE, a statement ending in ';' in ZScript's Default block.
    [GeneratedRegex(@"(?<![\w.+-])Monster(?=[ \t]*(;|\r?$))", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MonsterPattern();

    [GeneratedRegex("\"[^\"\n]*\"")]
    private static partial Regex StringPattern();

    // DropItem "Class" [, chance [, amount]] (DECORATE), or the same in a ZScript Default block.
    [GeneratedRegex("""(?<![\w.])DropItem\s+"?([\w.]+)"?(?:[ \t]*,?[ \t]*(\d+))?""", RegexOptions.IgnoreCase)]
    private static partial Regex DropItemPattern();

    [GeneratedRegex("""(?<![\w.])(?:A_SpawnItemEx|A_SpawnItem|A_DropItem)\s*\(\s*"([\w.]+)"\s*[,)]""", RegexOptions.IgnoreCase)]
    private static partial Regex SpawnItemPattern();
}
