using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;

namespace RlGameTester.Domain.Bugs;

/// <summary>What a check is about, for a person reading it in a list of rules (SARIF, JUnit, the command line's help).</summary>
/// <param name="Name">The stable check name findings carry.</param>
/// <param name="Summary">One line: what the check finds.</param>
/// <param name="Help">Why it matters in play and what usually fixes it.</param>
public sealed record CheckDescription(string Name, string Summary, string Help);

/// <summary>
/// Every check the Doom library and the explorer file, described once. Every name in <see cref="CheckNames"/> and every
/// explorer check name of <see cref="FindingTypes.OfExplorer"/> has an entry (a test holds it so).
/// </summary>
public static class CheckCatalog
{
    private static readonly CheckDescription[] Entries =
    [
        new(CheckNames.MissingPlayer1Start, "The level has no player 1 start.", "Doom cannot start a single-player game on the level without a player 1 start (thing type 1). Place one in a reachable sector."),
        new(CheckNames.MissingCoopStarts, "Starts for players 2-4 are missing.", "Cooperative games spawn players 2-4 at their own starts (thing types 2, 3, 4); without them those players cannot join. Place them near player 1's start."),
        new(CheckNames.DuplicatePlayerStart, "A player's start is placed more than once.", "Doom spawns the player at the last start and leaves a voodoo doll at the others, which can set off lines or die on damaging floors. Delete the extra start unless the doll is intended."),
        new(CheckNames.MissingDeathmatchStarts, "The level has no deathmatch starts.", "A deathmatch game cannot start without deathmatch starts (thing type 11). Add at least four if the level is meant for deathmatch."),
        new(CheckNames.TooFewDeathmatchStarts, "The level has fewer than four deathmatch starts.", "Vanilla Doom needs at least four deathmatch starts and quits otherwise. Add more, spread apart."),
        new(CheckNames.LineWithoutSides, "A line has neither a front nor a back side.", "Vanilla Doom crashes on a line without a front side; ports skip it. Give it a front sidedef or delete it."),
        new(CheckNames.LineMissingFront, "A line has a back side but no front side.", "Doom draws and collides with a line through its front (right) side; without one the line is broken in vanilla. Flip the line or give it a front sidedef."),
        new(CheckNames.TwoSidedFlagWithoutBack, "A line is flagged two-sided but has no back side.", "Doom reads the missing back side from garbage or crashes. Clear the flag or give the line a back side."),
        new(CheckNames.BackSideWithoutTwoSidedFlag, "A line has a back side but is not flagged two-sided.", "Doom treats the line as solid and draws only its middle texture, so players cannot pass where the map suggests they can. Set the two-sided flag or remove the back side."),
        new(CheckNames.ZeroLengthLine, "A line starts and ends at the same point.", "A zero-length line breaks node building and collision. Delete it."),
        new(CheckNames.ShortLine, "A line is shorter than one map unit.", "Slivers confuse node builders and show as rendering glitches. Merge its vertices."),
        new(CheckNames.OverlappingLines, "Two lines lie on top of each other.", "Overlapping lines make collision and drawing depend on which the engine meets first. Delete one or merge them."),
        new(CheckNames.CrossingLines, "Two lines cross without a shared vertex.", "Sectors whose lines cross are not closed shapes: the node builder and the renderer treat them unpredictably. Split the lines at the crossing."),
        new(CheckNames.OverlappingVertices, "Two vertices are at the same place.", "Lines meeting at doubled vertices are not joined, which breaks sector outlines. Merge the vertices."),
        new(CheckNames.VertexOnLine, "A vertex lies on a line it is not part of.", "The outline looks joined in an editor but is not. Split the line at the vertex."),
        new(CheckNames.UnusedVertex, "A vertex is used by no line.", "Harmless in play, but it is clutter the node builder keeps. Delete it."),
        new(CheckNames.MapTooBig, "The level reaches past the distances Doom's maths can hold.", "Beyond about 32,767 units between points Doom's fixed-point maths overflows: collision and rendering fail. Move distant parts closer."),
        new(CheckNames.UnclosedSector, "A sector's outline is not closed.", "An open sector leaks: the renderer shows holes (HOM) and things fall into the wrong sector. Close the outline or fix the sidedef facing the wrong sector."),
        new(CheckNames.DegenerateSector, "A sector encloses no area.", "A sector of fewer than three lines cannot be drawn or walked. Delete it or redraw it."),
        new(CheckNames.UnusedSector, "A sector is used by no sidedef.", "Harmless in play, but clutter that can confuse tags. Delete it."),
        new(CheckNames.CeilingBelowFloor, "A sector's ceiling is below its floor.", "Doom draws such sectors inside out and nothing fits in them. Raise the ceiling above the floor."),
        new(CheckNames.MissingTexture, "A wall part the player can see has no texture.", "Vanilla Doom shows the Hall of Mirrors smear where an upper or lower texture is missing. Set the texture."),
        new(CheckNames.MissingTextureAfterMove, "A wall part gets seen without a texture once a sector moves.", "When a door, lift or floor moves, an upper or lower part opens up; without a texture it shows the Hall of Mirrors smear. Set the texture on that part."),
        new(CheckNames.UnknownTexture, "A wall names a texture that neither the WAD nor its resources define.", "Vanilla Doom quits on an unknown texture name; ports draw a placeholder. Use a texture that exists or load the resource WAD that defines it."),
        new(CheckNames.TextureMissingPatch, "A texture is built from a patch that no WAD holds.", "Doom quits when it composes the texture. Add the patch (between P_START and P_END) or fix the texture definition."),
        new(CheckNames.MissingFlat, "A sector has no floor or ceiling flat.", "Doom quits on an empty flat name. Set a flat."),
        new(CheckNames.UnknownFlat, "A sector names a flat that neither the WAD nor its resources define.", "Vanilla Doom quits on an unknown flat. Use a flat that exists or load the resource WAD that defines it."),
        new(CheckNames.UnknownThingType, "A thing's type is not one the game defines.", "Vanilla Doom quits on an unknown thing type; ports skip it. Change it to a defined type or define it (DECORATE)."),
        new(CheckNames.ThingOnNoSkill, "A thing appears on no skill level.", "With no skill flag set the thing never spawns in single player. Set its skill flags or delete it."),
        new(CheckNames.ThingOutsideMap, "A thing is outside every sector.", "The engine puts it in whatever sector the nodes give, often the void. Move it inside the level or delete it."),
        new(CheckNames.ThingStuckInWall, "A thing overlaps a wall it cannot be in.", "A monster stuck in a wall never moves; a stuck item may be unreachable; a stuck player start traps the player. Move it clear of the wall by its radius."),
        new(CheckNames.ThingsOverlapping, "Two solid things overlap.", "Overlapping monsters are stuck together until one dies. Move them apart by their radii."),
        new(CheckNames.UnknownLineAction, "A line's special is not one the target engine defines.", "An unknown special does nothing, or quits vanilla Doom when set off. Use a defined special or clear it."),
        new(CheckNames.UnknownSectorSpecial, "A sector's special is not one the target engine defines.", "An unknown sector special can quit vanilla Doom when the level loads. Use a defined special or clear it."),
        new(CheckNames.DoorOnOneSidedLine, "A door special is on a line without a back side.", "A door opens the sector behind the line; a one-sided line has none, so vanilla Doom crashes when it is used. Make the line two-sided with a door sector behind it, or clear the special."),
        new(CheckNames.ActionWithoutActivation, "A line special cannot be set off.", "Hexen-format and UDMF specials need an activation (walk, use, shoot); without one the special does nothing. Set the activation or clear the special."),
        new(CheckNames.ActionLineWithoutTag, "A line's special acts on tagged sectors but the line has no tag.", "Tag 0 makes vanilla Doom act on sector 0 or on nothing. Give the line the tag of the sector it should move."),
        new(CheckNames.ActionLineTagUnmatched, "A line's tag matches no sector.", "The special sets off nothing: the door, lift or floor the line was meant for never moves. Give the sector the line's tag."),
        new(CheckNames.TeleportWithoutDestination, "A teleport line has no destination in its tagged sector.", "A teleporter without a destination thing (type 14) does nothing. Place a destination in the tagged sector."),
        new(CheckNames.TaggedSectorUnused, "A sector has a tag no line, thing or script uses.", "Something was meant to move it and nothing does. Add the line that sets it off, or clear the tag."),
        new(CheckNames.BossTagWithoutBoss, "A sector tagged 666 or 667 waits for a boss that the level does not hold.", "The sector opens only when the boss dies on the levels where Doom checks for it; without the boss it never opens. Place the boss on every skill or retag the sector."),
        new(CheckNames.KeyMissingOnSkill, "A locked door's key is missing on some skill.", "On that skill the door cannot be opened and what lies behind it, perhaps the exit, cannot be reached. Place the key on every skill the door is on."),
        new(CheckNames.LevelHasNoExit, "The level has no exit.", "Without an exit line or sector the player cannot finish the level. Add an exit switch or walk-over line the player can reach."),
        new(CheckNames.RequiresSourcePort, "The level uses features vanilla Doom does not have.", "It plays only in the ports that have them (Boom, MBF21, ZDoom family). Nothing to fix if that is the target; say so in the level's text file."),
        new(CheckNames.UdmfUnknownField, "A TEXTMAP block has a key no port reads.", "The key is ignored: whatever it was meant to set is not set. Rename it to the field the target port reads, or keep own data in user_* keys."),
        new(CheckNames.UdmfUnknownBlock, "The TEXTMAP has a block no port reads.", "The block is ignored. Remove it or keep own data in user_* keys."),
        new(CheckNames.UdmfBadValue, "A TEXTMAP field has a value of the wrong type.", "GZDoom reads it as a fallback and dsda-doom refuses the map. Write the value as the field's type."),
        new(CheckNames.UdmfMissingField, "A TEXTMAP block lacks a field the format requires.", "The ports read the missing field as 0, which may not be what was meant. Add the field."),
        new(CheckNames.UdmfDuplicateField, "A TEXTMAP field is assigned twice in one block.", "Only the last assignment counts. Remove the earlier one."),
        new(CheckNames.UdmfNamespace, "The TEXTMAP does not start with a namespace.", "Ports choose the rules of the level from its namespace. Start the TEXTMAP with namespace = \"zdoom\"; (or the target's)."),
        new(CheckNames.UdmfUnclosedComment, "A TEXTMAP comment is never closed.", "Everything after /* is ignored, so the rest of the level is lost. Close the comment."),
        new(CheckNames.UdmfMissingEndmap, "The UDMF level has no ENDMAP lump.", "GZDoom does not load the level without it. Add ENDMAP after the level's lumps."),
        new(CheckNames.BadLinedefSidedef, "A line refers to a sidedef that does not exist.", "Vanilla Doom crashes; ports drop the reference. Give the line a sidedef that exists."),
        new(CheckNames.BadSidedefSector, "A sidedef refers to a sector that does not exist.", "Ports put the side in sector 0, which breaks the sector it faces. Set the sector it faces."),
        new(CheckNames.PartialLumpRecord, "A level lump has stray bytes after its last record.", "An editor or node builder wrote the lump badly; ports ignore the bytes, some tools refuse the file. Save the level again."),
        new(CheckNames.WadOverlap, "A lump of the WAD points into the WAD's header or directory.", "The WAD is damaged; tools read garbage for that lump. Rebuild the WAD with a WAD tool."),
        new(CheckNames.AcsUnreadable, "The level's compiled scripts (its BEHAVIOR lump) cannot be read.", "The lump is damaged or not ACS; ports play the level without its scripts, so doors and lifts they run never move. Compile the scripts again and put the BEHAVIOR lump back."),
        new(CheckNames.FindingsOmitted, "A check found more than the report lists.", "Fix the listed findings of that check first, then check again to see the rest."),
        new("explorer-exit-unreachable", "No player can reach the exit: proven by a search that tried every mover, key, jump and trigger.", "The level cannot be finished. The finding names what blocks the way (a step, a closed sector, a locked door and its key); open a way past it."),
        new("explorer-exit-not-reached", "The explorer did not reach the exit, but it could not prove the exit unreachable.", "Often a mechanic the simulation does not play (scripts, monsters that open doors); the finding names what stopped it and whether a generous search got through. Check the named spot in play."),
        new("explorer-path-refuted", "The explorer's path to the exit broke a rule of Doom's movement when checked on its own.", "The exit is not shown reachable; the finding names the move that is not allowed. Check that spot in play."),
        new("explorer-softlock", "The player can get into an area and not out of it.", "A player who drops in is stuck and must restart. Add a way back (a lift, steps of at most 24 units, a teleporter) or block the way in."),
        new("explorer-death-zone", "A damaging floor the player cannot leave in time.", "The player dies there with no way out. Add a way out, lower the damage, or put a radiation suit before it."),
        new("explorer-stuck-spot", "A place where the player's body cannot move on.", "The player gets wedged between walls or things. Widen the gap to at least 32 units and the headroom to 56."),
        new("explorer-unreachable-key", "A key the player cannot reach.", "The doors it opens cannot be opened. Move the key or open a way to it."),
        new("explorer-unreachable-item", "An item the player cannot reach.", "Harmless unless the item is needed; it counts against the level's item total. Move it or open a way to it."),
        new("explorer-unreachable-secret", "A secret sector the player cannot enter.", "It counts against the level's secret total and can never be found. Give it an entrance or clear its secret special."),
    ];

    private static readonly Dictionary<string, CheckDescription> ByName = Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Every described check, static checks first, in the order above.</summary>
    public static IReadOnlyList<CheckDescription> All => Entries;

    /// <summary>The check's description; for a name the catalogue does not hold, one that says only its name.</summary>
    public static CheckDescription Describe(string name) =>
        ByName.TryGetValue(name, out var description) ? description : new CheckDescription(name, $"Findings of the check {name}.", $"See the finding's message for what {name} found.");

    /// <summary>The explorer's check names, in the order of their kinds.</summary>
    public static IReadOnlyList<string> ExplorerChecks { get; } = [.. Enum.GetValues<ExplorerFindingKind>().Select(k => FindingTypes.OfExplorer(k).Check).Distinct()];
}
