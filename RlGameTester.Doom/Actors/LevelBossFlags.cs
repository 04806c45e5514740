using System.Globalization;
using System.Text.RegularExpressions;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// The boss rules a ZDoom MAPINFO gives its levels: <c>map07special</c> (Mancubi lower tag 666, Arachnotrons raise 667),
/// <c>baronspecial</c>, <c>cyberdemonspecial</c> and <c>spidermastermindspecial</c> (the level ends when all of them are
/// dead, or tag 666 lowers or opens with <c>specialaction_lowerfloor</c> or <c>specialaction_opendoor</c>), and
/// <c>SpecialAction = "Class", "Special", args</c>. A <c>defaultmap</c> block's apply to every level (key <c>*</c>).
/// </summary>
internal static partial class LevelBossFlags
{
    private const int BossTag = 666;

    /// <summary>Each level's rules, as (monster class, effect, tag, what the MAPINFO says).</summary>
    public static List<(string Level, string Class, ActorEffect Effect, int? Tag, string Call)> Read(string text)
    {
        var rules = new List<(string, string, ActorEffect, int?, string)>();
        foreach (Match block in BlockPattern().Matches(text))
        {
            var level = block.Groups[1].Success ? block.Groups[1].Value.ToUpperInvariant() : "*";
            var open = block.Index + block.Length - 1;
            var close = text.IndexOf('}', open);
            var body = close < 0 ? text[(open + 1)..] : text[(open + 1)..close];
            var words = new HashSet<string>(WordPattern().Matches(body).Select(m => m.Value), StringComparer.OrdinalIgnoreCase);

            if (words.Contains("map07special"))
            {
                rules.Add((level, "Fatso", ActorEffect.LowerFloor, BossTag, "map07special"));
                rules.Add((level, "Arachnotron", ActorEffect.RaiseFloor, 667, "map07special"));
            }

            // Without a specialaction_ flag A_BossDeath ends the level.
            var (effect, tag) = words.Contains("specialaction_lowerfloor") ? (ActorEffect.LowerFloor, (int?)BossTag)
                : words.Contains("specialaction_opendoor") ? (ActorEffect.OpenDoor, BossTag)
                : words.Contains("specialaction_lowerfloortohighest") ? (ActorEffect.MovesSectors, BossTag)
                : (ActorEffect.ExitLevel, null);
            foreach (var (flag, monster) in (ReadOnlySpan<(string, string)>)[("baronspecial", "BaronOfHell"), ("cyberdemonspecial", "Cyberdemon"), ("spidermastermindspecial", "SpiderMastermind")])
            {
                if (words.Contains(flag))
                {
                    rules.Add((level, monster, effect, tag, flag));
                }
            }

            foreach (Match action in SpecialActionPattern().Matches(body))
            {
                var special = action.Groups[2].Value;
                var first = action.Groups[3].Success && int.TryParse(action.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
                var what = special.ToUpperInvariant() switch
                {
                    "FLOOR_LOWERTOLOWEST" => ActorEffect.LowerFloor,
                    "FLOOR_RAISEBYTEXTURE" => ActorEffect.RaiseFloor,
                    "DOOR_OPEN" => ActorEffect.OpenDoor,
                    "EXIT_NORMAL" or "EXIT_SECRET" => ActorEffect.ExitLevel,
                    _ => ActorEffect.MovesSectors,
                };
                rules.Add((level, action.Groups[1].Value, what, what == ActorEffect.ExitLevel ? null : first, $"SpecialAction {special}"));
            }
        }

        return rules;
    }

    [GeneratedRegex(@"(?<![\w])(?:(?:add)?defaultmap|map\s+(\w+)[^{}\n]*)\s*\{", RegexOptions.IgnoreCase)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"SpecialAction\s*=\s*""([\w.]+)""\s*,\s*""(\w+)""(?:\s*,\s*(\d+))?", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialActionPattern();
}
