using System.Text.RegularExpressions;
using RlGameTester.Analysis.Frames;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// What to change in the level for each kind of finding, made concrete with the finding's element and place
/// ("Set the lower texture on the front side of line 12"). The templates' suggestions, and the LLM's fallback.
/// </summary>
internal static partial class FindingFixes
{
    public static string For(EvidenceFinding finding)
    {
        var at = FindingText.Point(finding) is { } point ? $"around {point}" : "at the marked spot";
        var element = FindingText.Element(finding) ?? "the element";
        var index = finding.ElementIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        var episode = finding.Episode is { } e ? $" in episode {e}" : string.Empty;
        return finding.Check switch
        {
            "door-on-one-sided-line" => $"Line {index} has a door special but no back side, so the door cannot open: make the line two-sided with a door sector behind it (ceiling at floor height), or clear its special.",
            "action-without-activation" => $"Give line {index} an activation (walk over, use, shoot) or clear its special.",
            "level-has-no-exit" => "Add an exit: an exit switch (special 11, S1) or an exit walk-over line (52, W1) the player can reach, or an exit sector.",
            "ceiling-below-floor" => $"Raise the ceiling of sector {index} above its floor (by at least 56 units if the player should fit).",
            "unused-sector" => $"Delete sector {index}: no line uses it.",
            "vertex-on-line" => $"Split the line under vertex {index} at the vertex so the outline is joined.",
            "crossing-lines" => $"Split the crossing lines at the crossing {at} (add a shared vertex), or move one of them.",
            "missing-coop-starts" => "Place starts for players 2-4 (thing types 2, 3 and 4) near player 1's.",
            "duplicate-player-start" => $"Delete the extra start (thing {index}) unless a voodoo doll is intended.",
            "boss-tag-without-boss" => $"Place the boss that opens tag 666/667 on every skill, or retag sector {index} and trigger it with a line.",
            "requires-source-port" => "Nothing to fix if the level targets that port; say so in the level's text file, or replace the port features to play in vanilla Doom.",
            "findings-omitted" => "Fix the listed findings of this check first, then check the level again to see the rest.",
            "missing-texture-after-move" => MissingTexture(finding, "once the sector has moved"),

            // What the reader loaded past (the Doom library's README, "Unreadable file or design defect").
            "udmf-unknown-field" => $"Remove the key the finding names from {element}'s TEXTMAP block (no port reads it), or rename it to the field the target port reads; keep data of your own in user_* keys.",
            "udmf-unknown-block" => "Remove the block the finding names from the TEXTMAP (no port reads it); keep data of your own in user_* keys of the elements.",
            "udmf-duplicate-field" => $"Remove the earlier assignment of the key from {element}'s TEXTMAP block: only the last one counts.",
            "udmf-bad-value" => $"Write the value of {element}'s field as the type the field takes (an integer, a number, true/false or a quoted name): GZDoom reads it as a fallback and dsda-doom refuses the map.",
            "udmf-missing-field" => $"Give {element} the field the finding names in the TEXTMAP: the ports read it as 0.",
            "udmf-namespace" => "Start the TEXTMAP with the namespace of the target port, quoted, as its first statement: namespace = \"zdoom\"; (or \"doom\", \"hexen\", ...).",
            "udmf-unclosed-comment" => "Close the /* comment the finding names with */, or delete it: everything after it is ignored.",
            "udmf-missing-endmap" => "Add an ENDMAP lump after the level's TEXTMAP and the lumps that belong to it (BEHAVIOR, ZNODES, ...): GZDoom does not load the level without it.",
            "bad-linedef-sidedef" => $"Give line {index} a sidedef that exists, or clear the reference: the one it names is past the end of the level's sidedefs.",
            "bad-sidedef-sector" => $"Set sidedef {index}'s sector to the sector it faces: the one it names does not exist, so the ports put it in sector 0.",
            "partial-lump-record" => "Save the level again with an editor or node builder: the lump the finding names has stray bytes after its last record.",
            "acs-unreadable" => "Compile the level's scripts again (ACC, BCC or GDCC) and put the compiled BEHAVIOR lump back after the level's other lumps: the one there cannot be read.",
            "wad-overlap" => "Rebuild the WAD with a WAD tool (SLADE, DeuTex): a directory entry points into the WAD's header or directory.",
            _ => ByType(finding, at, element, index, episode),
        };
    }

    private static string ByType(EvidenceFinding finding, string at, string element, string index, string episode) => finding.Type switch
    {
        "stuck_state" => Stuck(finding, at, episode),
        "softlock" => $"The player can get into the area {at} and not out: {ClimbOut(finding) ?? "add a way back (a lift, stairs of steps of at most 24 units, a teleporter out)"}, "
            + "or stop the player getting in (raise the ledge, block the drop).",
        "instant_death" => $"Give the player a chance {at}{episode}: move monsters placed at point-blank range away from the path, remove barrels beside it, "
            + "and check for crushers and telefrag spots; add health or armour before it.",
        "spawn_death" => $"Make the start {at} safe: remove a damaging floor special from the start sector, move monsters out of sight of the start, "
            + "and make sure no crusher or barrel covers it.",
        "hazard" => $"The damaging floor {at}{Special(finding)} cannot be left in time: add a way out (steps, a lift), lower its damage (special 7 = 5 hp instead of 5/16 = 10/20 hp), "
            + "or put a radiation suit before it.",
        "unreachable_area" => $"Connect the area {at}: lower the step to at most 24 units, make the opening at least 56 high and 32 wide, or add a lift, a door or a teleporter. "
            + "If it is meant to be closed off, ignore this.",
        "exit_unreachable" => ExitUnreachable(finding, at, element),
        "exit_not_reached" => ExitNotReached(finding, at, element),
        "unreachable_key" => $"Move the key {at} where the player can reach it{Nearest(finding)}, or open a way to it (steps of at most 24 units, a lift, a door).",
        "unreachable_item" => $"Move the item {at} where the player can reach it{Nearest(finding)}, or open a way to it; delete it if it is decoration.",
        "unreachable_secret" => $"Give the secret sector {at} an entrance (a door, a lift, a hidden switch) or clear its secret special (9).",
        "visual_glitch" => VisualGlitch(finding),
        "crash" => $"Read the agent's error on the run (GET /api/runs/{finding.RunId}): a crash that starts with the level (bad lumps, a missing texture vanilla quits on) is fixed in the level; otherwise it is the agent's.",
        "performance" => $"Simplify the view {at}: fewer lines and sectors in sight, fewer monsters awake at once, or split the area with doors.",
        "unclosed_sector" => $"Close sector {index} {at}: every vertex of its outline must join two of its lines; look for a missing line or a sidedef pointing at the wrong sector.",
        "degenerate_sector" => $"Delete sector {index} or redraw it with at least three lines that enclose an area.",
        "missing_front_side" => $"Flip line {index} so its front (right) side faces into the sector, or give it a front sidedef; a line with no sides at all should be deleted.",
        "side_flag_mismatch" => $"Make line {index}'s two-sided flag match its sides: set it when the line has a back side, clear it when it has none.",
        "missing_texture" => MissingTexture(finding, null),
        "missing_flat" => $"Give sector {index} a floor and a ceiling flat (for example FLOOR0_1 / CEIL1_1).",
        "unknown_texture" => UnknownTexture(finding),
        "unknown_flat" => $"Set a flat that exists in the WAD or the IWAD on sector {index}, or add the flat between F_START and F_END.",
        "unknown_thing_type" => $"Change thing {index} to a type Doom defines, define it (DECORATE for ZDoom ports), or delete it.",
        "unknown_line_action" => $"Set line {index}'s special to one the target port defines, or clear it.",
        "unknown_sector_special" => $"Set sector {index}'s special to one the target port defines (for example 9 secret, 7/5/16 damage), or clear it.",
        "stuck_thing" => $"Move thing {index} {at} clear of the wall or the other thing: at least its radius (16 for players, 20-128 for monsters) from any wall and other thing.",
        "thing_outside_map" => $"Move thing {index} inside a sector, or delete it.",
        "overlapping_lines" => $"Delete one of the two lines on top of each other at line {index}, or merge them.",
        "overlapping_vertices" => $"Merge vertex {index} with the vertex on top of it so the lines meeting there are joined.",
        "zero_length_line" => $"Delete line {index} (both its ends are the same point).",
        "short_line" => $"Merge the vertices of line {index} to remove the sliver.",
        "unconnected_vertex" => $"Delete vertex {index}: no line uses it.",
        "action_without_target" => $"Give line {index} the tag of the sector (or teleport destination sector) it should act on, or clear its special.",
        "untriggered_tag" => $"Add the line (switch, walk-over, door) that should move sector {index}, or clear its tag.",
        "missing_player_start" => "Place a player 1 start (thing type 1) in a reachable sector, facing into the level.",
        "missing_deathmatch_starts" => "Place at least 4 deathmatch starts (thing type 11) apart from each other, if the level is meant for deathmatch.",
        "thing_on_no_skill" => $"Set skill flags on thing {index} (easy, medium, hard) or delete it.",
        "missing_key" => $"Place the key on every skill where its locked door is (set the key thing's skill flags), or unlock the door (line {index}) on those skills.",
        "map_too_large" => "Keep the level within 32,767 units in each direction from its centre: move distant parts closer or split the level.",
        "render_limit" => $"Cut what vanilla draws from {at}: fewer distinct floor and ceiling heights, flats and light levels in view (visplanes), fewer wall segments or sprites in sight; block the view with walls or doors, or say the level needs a limit-removing port.",
        _ => finding.Source == "static"
            ? $"Fix {element} as the check says: {finding.Description ?? finding.Title}"
            : $"Look at {element} {at}{episode} in an editor and play it there: {finding.Title}.",
    };

    /// <summary>The explorer says what blocks the exit: a step, a low opening, a locked door and its key, a thing.</summary>
    private static string ExitUnreachable(EvidenceFinding finding, string at, string element)
    {
        var line = Evidence(finding, "blocking_line");
        var sector = Evidence(finding, "blocking_sector");
        if (Evidence(finding, "impassable_exit") is "true")
        {
            return $"Clear the impassable flag of exit line {line}: a walk-over exit fires only when a player crosses it. Or make it a switch exit.";
        }

        if (Evidence(finding, "key_needed") is { } key)
        {
            var door = line is null ? "the locked door" : $"the locked door at line {line}";
            return Evidence(finding, "key_present") == "true" && Evidence(finding, "key_thing") is { } keyThing
                ? $"The {key} that {door} needs (thing {keyThing}) cannot be reached: move it where the player can get it, or open a way to it."
                : $"Place a {key} where the player reaches it before {door} (on every skill that has the door), or unlock the door.";
        }

        if (Evidence(finding, "step") is { } step)
        {
            return $"Lower the step of {step} units{(line is null ? string.Empty : $" at line {line}")}{(sector is null ? string.Empty : $" up to sector {sector}")} to at most 24 (the body climbs 24), or add stairs or a lift there.";
        }

        if (Evidence(finding, "opening") is { } opening)
        {
            return $"Raise the ceiling{(sector is null ? string.Empty : $" of sector {sector}")}: the opening is {opening} units and the body needs 56.";
        }

        if (Evidence(finding, "blocking_thing") is { } thing)
        {
            return $"Move thing {thing} out of the way to the exit, or widen the passage around it.";
        }

        return Evidence(finding, "reason") switch
        {
            "no exit" => "Add an exit the player can reach: an exit switch (special 11, S1), an exit walk-over line (52, W1) or an exit sector.",
            "walled off" => $"The exit {at} is walled off from everything the player reaches: connect it (a door, a lift, a teleporter).",
            _ => $"Open the way to the exit {at}: lower the step in front of it to at most 24 units or add a lift or stairs, "
                + $"give the locked door's key a place the player reaches, and check that {element} can be used or crossed.",
        };
    }

    /// <summary>The explorer stopped, but a more generous search got through: say how, and what to fix if that way is not meant.</summary>
    private static string ExitNotReached(EvidenceFinding finding, string at, string element)
    {
        var how = Evidence(finding, "mechanic") is { } mechanic ? $" (the way found relies on: {mechanic})" : string.Empty;
        return $"Play the way to the exit from {at} and check it can be taken{how}; the explorer stopped there but could not prove the exit unreachable. "
            + $"If that way is not meant to be the way: {ExitUnreachable(finding, at, element)}";
    }

    private static string Stuck(EvidenceFinding finding, string at, string episode)
    {
        if (Evidence(finding, "blocking_thing") is { } thing)
        {
            return $"Move thing {thing}{(Evidence(finding, "line") is { } l ? $" away from line {l}" : string.Empty)}: it blocks the way {at}.";
        }

        if (Evidence(finding, "gap_width") is { } width)
        {
            return $"Widen the gap{(Evidence(finding, "line") is { } l ? $" at line {l}" : string.Empty)} from {width} to at least 32 units (the body is 32 wide).";
        }

        if (ClimbOut(finding) is { } climb)
        {
            return $"Let the body out of the spot {at}: {climb}.";
        }

        return $"Check for geometry snags {at}{episode}: a gap narrower than 32 units (the body is 32 wide), a step just over 24 units, "
            + "a thing or a decoration blocking the way, or a ledge the body catches on. Widen the passage, smooth or lower the step, or move the thing.";
    }

    /// <summary>"lower the way up at (x, y) from 40 units to at most 24".</summary>
    private static string? ClimbOut(EvidenceFinding finding) =>
        Evidence(finding, "lowest_climb_out") is { } climb
            ? $"lower the way up{(Evidence(finding, "climb_out_x") is { } x && Evidence(finding, "climb_out_y") is { } y ? $" at ({x}, {y})" : string.Empty)} from {climb} units to at most 24, or add a lift"
            : null;

    private static string Nearest(EvidenceFinding finding) =>
        Evidence(finding, "nearest_reachable_x") is { } x && Evidence(finding, "nearest_reachable_y") is { } y
            ? $" (the nearest spot a player reaches is ({x}, {y}))"
            : string.Empty;

    private static string Special(EvidenceFinding finding) =>
        Evidence(finding, "special") is { } special
            ? $" (sector special {special}{(Evidence(finding, "damage") is { } damage ? $", {damage} hp every 32 tics" : string.Empty)})"
            : string.Empty;

    /// <summary>An evidence value as text (agents store strings, detectors numbers); null when absent.</summary>
    private static string? Evidence(EvidenceFinding finding, string name) =>
        finding.Evidence is { ValueKind: System.Text.Json.JsonValueKind.Object } evidence && evidence.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => value.GetString(),
                System.Text.Json.JsonValueKind.Number => FindingText.Number(value.GetDouble()),
                System.Text.Json.JsonValueKind.True => "true",
                System.Text.Json.JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    private static string MissingTexture(EvidenceFinding finding, string? when)
    {
        var description = finding.Description ?? finding.Title;
        if (SideAndPart().Match(description) is { Success: true } side)
        {
            return $"Set the {side.Groups["part"].Value} texture on the {side.Groups["side"].Value} side of line {side.Groups["line"].Value} (sidedef {side.Groups["sidedef"].Value})"
                + (when is null ? string.Empty : $", needed {when}")
                + ", for example the texture of the wall beside it; until then the gap shows Hall-of-Mirrors smearing.";
        }

        return $"Set the missing upper or lower texture on {FindingText.Element(finding) ?? "the line"}" + (when is null ? "." : $", needed {when}.");
    }

    private static string UnknownTexture(EvidenceFinding finding)
    {
        var description = finding.Description ?? finding.Title;
        var name = TextureName().Match(description) is { Success: true } match ? $" {match.Groups["name"].Value}" : string.Empty;
        var where = SideAndPart().Match(description) is { Success: true } side
            ? $" on the {side.Groups["side"].Value} side of line {side.Groups["line"].Value}"
            : string.Empty;
        return $"Replace the texture{name}{where} with one defined in the WAD or the IWAD, or add it (TEXTURE1/PNAMES and its patches) to the WAD.";
    }

    private static string VisualGlitch(EvidenceFinding finding)
    {
        var when = finding.Tick is { } tick ? $" at tick {tick}" : string.Empty;
        var where = FindingText.Point(finding) is { } point ? $" from around {point}" : string.Empty;
        return finding.Check switch
        {
            FrameCheckNames.HallOfMirrors or FrameCheckNames.ClearColourFill or FrameCheckNames.MissingTexture =>
                $"Look at the frame{when}: smeared or flat-coloured areas are walls drawn with no texture. Set the missing upper and lower textures "
                + $"on the walls in view{where} (the level's static checks list them by line and side), and check for sectors whose floor or ceiling moves past a wall without a texture.",
            FrameCheckNames.BlackFrame or FrameCheckNames.BlankFrame =>
                $"Look at the frames{when}: a black or blank view is the player inside a wall or a closed sector, or a sector with light 0 in view{where}; raise the light or free the player.",
            FrameCheckNames.FrozenVideo =>
                $"The view stopped changing{when} while the agent acted: look for what stopped the engine or the player there (a stall in a very complex view{where}, a crusher or a door holding the player).",
            FrameCheckNames.Flicker =>
                $"Look at the frames{when}: flicker in play is usually a light special (1-4, 8, 12, 13, 17) on a sector in view{where}, or sprites and walls fighting at the same depth; calm the light or move the overlapping things.",
            _ => $"Look at the frames{when} and what is in view{where}; noise can also come from the capture, so play it there to confirm.",
        };
    }

    [GeneratedRegex(@"Line (?<line>\d+), (?<side>front|back) side \(sidedef (?<sidedef>\d+)\): the (?<part>upper|lower|middle) texture")]
    private static partial Regex SideAndPart();

    [GeneratedRegex("texture \"(?<name>[^\"]+)\"")]
    private static partial Regex TextureName();
}
