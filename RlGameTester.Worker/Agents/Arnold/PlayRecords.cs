using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// What happens to the player in play: kills, deaths, respawns, health, armor and ammo changes, weapons, Arnold taking
/// over a stuck agent, and the warnings about the player. Each handler answers whether the message was its record.
/// </summary>
internal sealed class PlayRecords(ArnoldEventWriter events)
{
    public bool Kill(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) => Simple(message, "Kill", EventType.Kill, line, output);

    public bool Death(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) => Simple(message, "Dead", EventType.Death, line, output);

    public bool Suicide(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) => Simple(message, "Suicide", EventType.Suicide, line, output);

    public bool Respawn(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) => Simple(message, "Respawn player", EventType.Respawn, line, output);

    public bool WeaponFound(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Found weapon: ", StringComparison.Ordinal))
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("weapon", message["Found weapon: ".Length..]);
        events.OfCurrent(EventType.WeaponPickup, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>Lost|Found health (a -> b)</c>, <c>Lost|Found armor (a -> b)</c>, <c>Lost|Found ammo: kind (a -> b)</c>.</summary>
    public bool Change(RawText line, ReadOnlySpan<char> message, string verb, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(verb, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = message[verb.Length..];
        EventType type;
        ReadOnlySpan<char> ammo = default;
        ReadOnlySpan<char> change;
        if (rest.StartsWith("health ", StringComparison.Ordinal))
        {
            type = EventType.HealthChange;
            change = rest["health ".Length..];
        }
        else if (rest.StartsWith("armor ", StringComparison.Ordinal))
        {
            type = EventType.ArmorChange;
            change = rest["armor ".Length..];
        }
        else if (rest.StartsWith("ammo: ", StringComparison.Ordinal))
        {
            type = EventType.AmmoChange;
            rest = rest["ammo: ".Length..];
            var space = rest.IndexOf(' ');
            if (space <= 0)
            {
                return false;
            }

            ammo = rest[..space];
            change = rest[(space + 1)..];
        }
        else
        {
            return false;
        }

        if (!JsonText.TryParseChange(change, out var oldValue, out var newValue))
        {
            return false;
        }

        events.OfCurrent(type, ChangePayload(type, ammo, oldValue, newValue), line, output);
        return true;
    }

    public bool WeaponSwitch(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) =>
        message.StartsWith("Switched weapon: ", StringComparison.Ordinal)
        && WeaponChange(line, message["Switched weapon: ".Length..], manual: false, output);

    public bool ManualWeaponChange(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) =>
        message.StartsWith("Manual weapon change: ", StringComparison.Ordinal)
        && WeaponChange(line, message["Manual weapon change: ".Length..], manual: true, output);

    public bool ManualControl(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "Activated manual control")
        {
            return false;
        }

        // Arnold overrides its policy after 30 non-forward or 60 non-turn actions: the agent was stuck.
        var json = events.StartPayload();
        json.String("reason", "manual_control");
        events.OfCurrent(EventType.StuckCandidate, json.Finish(), line, output);
        return true;
    }

    public bool StillDead(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        if (message.StartsWith("Player ", StringComparison.Ordinal) && message.EndsWith(" is still dead after respawn.", StringComparison.Ordinal)
            && JsonText.TryParseInt(message["Player ".Length..^" is still dead after respawn.".Length], out var player))
        {
            events.Warning(line, message, level, player, output);
            return true;
        }

        return false;
    }

    public bool NoSelection(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        if (message is "SELECTED WEAPON is -1!" or "SELECTED AMMO is -1!")
        {
            events.Warning(line, message, level, player: null, output);
            return true;
        }

        return false;
    }

    private bool Simple(ReadOnlySpan<char> message, string record, EventType type, RawText line, List<TelemetryEvent> output)
    {
        if (!message.SequenceEqual(record))
        {
            return false;
        }

        events.Simple(type, line, output);
        return true;
    }

    private bool WeaponChange(RawText line, ReadOnlySpan<char> change, bool manual, List<TelemetryEvent> output)
    {
        var arrow = change.IndexOf(" -> ", StringComparison.Ordinal);
        if (arrow <= 0)
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("from", change[..arrow]);
        json.String("to", change[(arrow + 4)..]);
        json.Bool("manual", manual);
        events.OfCurrent(EventType.WeaponChange, json.Finish(), line, output);
        return true;
    }

    /// <summary>
    /// The payload of a health, armor or ammo change. Arnold logs the same changes over and over (every episode starts
    /// from the same health and ammo, damage comes in a few sizes), so the last payloads are kept per process in a small
    /// direct-mapped cache keyed by the parsed values: a repeated change costs a lookup, not a new string.
    /// </summary>
    private string ChangePayload(EventType type, ReadOnlySpan<char> ammo, int oldValue, int newValue)
    {
        var cache = events.Current.ChangePayloads;
        var hash = ((uint)oldValue * 0x9E3779B1u) ^ ((uint)newValue * 0x85EBCA77u) ^ (((uint)type + (ammo.IsEmpty ? 0u : ammo[0])) * 0xC2B2AE3Du);
        ref var entry = ref cache[hash >> (32 - ArnoldProcess.ChangeCacheBits)];
        if (entry.Payload is not null && entry.Old == oldValue && entry.New == newValue && entry.Type == type && ammo.SequenceEqual(entry.Ammo))
        {
            return entry.Payload;
        }

        var json = events.StartPayload();
        if (type == EventType.AmmoChange)
        {
            json.String("ammo", ammo);
        }

        json.Int("old", oldValue);
        json.Int("new", newValue);
        json.Int("delta", (long)newValue - oldValue);
        var payload = json.Finish();
        entry = new CachedChange(type, ammo.IsEmpty ? string.Empty : ammo.ToString(), oldValue, newValue, payload);
        return payload;
    }
}
