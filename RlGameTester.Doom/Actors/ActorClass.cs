using System.Globalization;
using System.Text.RegularExpressions;

namespace RlGameTester.Doom.Actors;

/// <summary>One actor class as a mod defines it: its header, and what its body calls and drops.</summary>
internal sealed partial class ActorClass
{
    private const int DefaultBossTag = 666;

    public ActorClass(string name, string? parent, string? replaces, int? number, string body)
    {
        Name = name;
        Parent = parent;
        Replaces = replaces;
        Number = number;
        Effects = ReadEffects(body);
        DropItems = [.. DropItemPattern().Matches(body).Select(m => m.Groups[1].Value)];
    }

    public string Name { get; }

    public string? Parent { get; }

    public string? Replaces { get; }

    public int? Number { get; }

    public List<(ActorEffect Effect, int? Tag, string Call)> Effects { get; }

    public List<string> DropItems { get; }

    private static List<(ActorEffect, int?, string)> ReadEffects(string body)
    {
        var effects = new List<(ActorEffect, int?, string)>();
        // Names in strings (sounds, sprites, class names to spawn) are not calls.
        foreach (Match call in CallPattern().Matches(StringPattern().Replace(body, "\"\"")))
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

    [GeneratedRegex("\"[^\"\n]*\"")]
    private static partial Regex StringPattern();

    [GeneratedRegex("""(?<![\w.])DropItem\s+"?([\w.]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex DropItemPattern();
}
