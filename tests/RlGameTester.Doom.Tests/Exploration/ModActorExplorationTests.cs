using System.Text;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A map made for a mod plays by the mod's actors: a proof over Doom's own things is no proof there. Each test takes a
/// seeded defect the explorer proves on its own and adds a mod lump to the WAD, read as the Worker reads an upload.
/// </summary>
public sealed class ModActorExplorationTests
{
    [Fact]
    public void AReplacedMonsterWhoseDeathCallsBrainDieEndsALevelWhoseExitLinesCannotBeCrossed()
    {
        var (level, exits) = Map04WithImpassableExits();
        var geometry = new LevelGeometry(ExplorationFixtures.Read(level));
        var exitLine = ExplorationFixtures.Read(level).Linedefs[exits[0]];
        var (x, y) = ExitFinder.PointInside(geometry, ExplorationFixtures.Read(level).Sidedefs[exitLine.FrontSide].Sector);
        var boss = ExplorationFixtures.AddThing(level, (int)x, (int)y, 3003);
        const string Decorate = """
            // The mod's last boss: Doom's Baron of Hell replaced, ending the level when it dies.
            actor Overlord : BaronOfHell replaces BaronOfHell
            {
              States
              {
              Death:
                BOSS I 8
                BOSS J 8 A_Scream
                BOSS O -1 A_BrainDie
                Stop
              }
            }
            """;

        var withoutMod = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var withMod = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(withoutMod.ExitReached);
        Assert.Contains(withoutMod.Findings, f => f.Severity == FindingSeverity.Critical);
        Assert.True(withMod.ExitReached, $"thing {boss}: {string.Join("; ", withMod.Findings.Select(f => f.Title))}");
        Assert.Empty(withMod.Validation!.Refutations);
        Assert.Contains(withMod.ExitAssumptions, a => a.Contains("Baron of Hell (the mod's Overlord)", StringComparison.Ordinal));
        Assert.DoesNotContain(withMod.Findings, f => f.Severity == FindingSeverity.Critical);
    }

    [Fact]
    public void AModsExitActorThatCannotBeShotIsNoWayForTheExplorerToEndTheLevel()
    {
        var (level, exits) = Map04WithImpassableExits();
        var read = ExplorationFixtures.Read(level);
        var (x, y) = ExitFinder.PointInside(new LevelGeometry(read), read.Sidedefs[read.Linedefs[exits[0]].FrontSide].Sector);
        ExplorationFixtures.AddThing(level, (int)x, (int)y, 3003);
        const string Decorate = """
            // Replaces the Baron with scenery: nothing kills it, so its death state (A_BrainDie) is never reached.
            actor Statue replaces BaronOfHell
            {
              Radius 16
              +SOLID
              States { Spawn: BOSS A -1 Stop Death: BOSS O -1 A_BrainDie Stop }
            }
            """;

        var result = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
        Assert.Contains(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached && f.Evidence["mechanic"] == "boss death");
    }

    [Fact]
    public void AReplacedMonsterThatRunsAScriptWhenItDiesLeavesTheExitUnproven()
    {
        var (level, _) = Map04WithImpassableExits();
        var start = ExplorationFixtures.Read(level).Things.Last(t => t.Type == 1);
        ExplorationFixtures.AddThing(level, (int)start.X + 64, (int)start.Y, 3004);
        const string Decorate = """
            actor Informant : ZombieMan replaces ZombieMan
            {
              States { Death: POSS L -1 ACS_Execute(12, 0) Stop }
            }
            """;

        var result = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(result.ExitReached);
        var verdict = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((FindingSeverity.Major, "actor scripts"), (verdict.Severity, verdict.Evidence["mechanic"]));
        Assert.Contains("the mod's Informant (thing type 3004) runs an ACS script (ACS_Execute)", verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObstacleADehackedPatchResizesIsNotProofThatTheWayIsBlocked()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var untouched = ExplorationFixtures.Read(level);
        var doorway = DoorwayBeforeTheExit(untouched);
        ExplorationFixtures.AddThing(level, (int)doorway.X, (int)doorway.Y, 48);
        const string Patch = """
            Patch File for DeHackEd v3.0
            Doom version = 19
            Patch format = 6

            Thing 99 (Tall techno column, now a lamp post)
            Width = 262144
            Bits = 0
            """;

        var withoutPatch = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var withPatch = ExplorationFixtures.Explore(ReadWithLump(level, "DEHACKED", Patch));

        Assert.Equal(FindingSeverity.Critical, Assert.Single(withoutPatch.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable).Severity);
        var verdict = Assert.Single(withPatch.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((FindingSeverity.Major, "dehacked things"), (verdict.Severity, verdict.Evidence["mechanic"]));
        Assert.Contains("DEHACKED's Thing 99 changes the size or flags of type 48", verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AColumnTheModMakesAHologramIsWalkedThroughAndTheValidatorAgrees()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var doorway = DoorwayBeforeTheExit(ExplorationFixtures.Read(level));
        ExplorationFixtures.AddThing(level, (int)doorway.X, (int)doorway.Y, 48);
        const string Decorate = """
            actor Hologram replaces TechPillar
            {
              Radius 16
              Height 128
              +NOGRAVITY
              States { Spawn: ELEC A -1 Stop }
            }
            """;

        var withoutMod = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var withMod = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(withoutMod.ExitReached);
        Assert.True(withMod.ExitReached);
        Assert.Empty(withMod.Validation!.Refutations);
    }

    [Fact]
    public void AKeyTheModsMonsterDropsWhenItDiesOpensTheLockedExitDoorOnAnAssumption()
    {
        // MAP02's yellow key taken away, a shotgun guy where it was: with Doom's actors the exit is proven unreachable;
        // with a mod whose shotgun guys leave the yellow keycard when they die (Batman Doom Reborn's terrorists) it is not.
        var (level, key) = Map02WithTheYellowKeyTakenAway();
        ExplorationFixtures.AddThing(level, key.X, key.Y, 9);
        const string Decorate = """
            actor KeyGuard : ShotgunGuy replaces ShotgunGuy
            {
              States
              {
              Death:
                SPOS H 5
                SPOS I 5 A_Scream
                SPOS J 0 A_SpawnItemEx("YellowCard", 0, 0, 0, 0, 0, 0, 0, 0, 0)
                SPOS K -1
                Stop
              }
            }
            """;

        var withoutMod = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var withMod = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(withoutMod.ExitReached);
        Assert.Contains(withoutMod.Findings, f => f is { Kind: ExplorerFindingKind.ExitUnreachable, Severity: FindingSeverity.Critical });
        Assert.True(withMod.ExitReached, string.Join("; ", withMod.Findings.Select(f => f.Title)));
        Assert.Empty(withMod.Validation!.Refutations);
        Assert.Contains(withMod.Validation.Assumptions, a => a.StartsWith("key drop assumed", StringComparison.Ordinal));
        Assert.Contains(withMod.ExitAssumptions, a => a.StartsWith("assumed key drop", StringComparison.Ordinal) && a.Contains("yellow keycard", StringComparison.Ordinal));
        // The shotgun guys the explorer never met are no unreachable keys: a dropped key is not where its monster stands.
        Assert.DoesNotContain(withMod.Findings, f => f.Kind == ExplorerFindingKind.UnreachableKey && f.Title.Contains("yellow", StringComparison.Ordinal));
    }

    [Fact]
    public void AnExitVerdictNamesTheMonsterThatDropsTheKeyWhenItCannotBeReached()
    {
        // The only yellow key is the one a chaingunner drops, and that chaingunner stands outside the map.
        var (level, _) = Map02WithTheYellowKeyTakenAway();
        var guard = ExplorationFixtures.AddThing(level, -6000, -6000, 65);
        const string Decorate = """
            actor KeyGuard : ChaingunGuy replaces ChaingunGuy { DropItem "YellowCard" }
            """;

        var result = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.False(result.ExitReached);
        var verdict = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitNotReached or ExplorerFindingKind.ExitUnreachable);
        Assert.Equal(("true", guard.ToString(System.Globalization.CultureInfo.InvariantCulture)), (verdict.Evidence["key_present"], verdict.Evidence["key_thing"]));
        Assert.Contains($"(thing {guard} at (-6000, -6000)) drops when killed cannot be reached", verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyClassTheModPlacesAtAnotherNumberIsThatKeyAndAGunAtTheKeysNumberIsNone()
    {
        // The yellow key's thing becomes Doom's shotgun (2001), which the mod makes a yellow keycard; and on a copy
        // whose key is left alone, the mod makes the yellow keycard's number a gun.
        var (moved, key) = Map02WithTheYellowKeyTakenAway();
        ExplorationFixtures.AddThing(moved, key.X, key.Y, 2001);
        const string KeyAtShotgun = "actor PassCard : YellowCard replaces Shotgun {}";
        const string GunAtKey = "actor Blastgun : DoomWeapon replaces YellowCard { Weapon.SlotNumber 3 }";

        var keyMoved = ExplorationFixtures.Explore(ReadWithLump(moved, "DECORATE", KeyAtShotgun));
        var gunAtKey = ExplorationFixtures.Explore(ReadWithLump(new EditableLevel(Fixtures.Freedoom2Data, "MAP02"), "DECORATE", GunAtKey));

        Assert.True(keyMoved.ExitReached, string.Join("; ", keyMoved.Findings.Select(f => f.Title)));
        Assert.Empty(keyMoved.Validation!.Refutations);
        Assert.Contains(keyMoved.Events, e => e.Kind == ExplorerEventKind.KeyPickup && e.Item == "yellow keycard");
        Assert.False(gunAtKey.ExitReached);
        Assert.DoesNotContain(gunAtKey.Events, e => e.Kind == ExplorerEventKind.KeyPickup && e.Item == "yellow keycard");
        // Not proven critical: a ZDoom-family port's player may jump past the door, which the proof allows.
        var verdict = Assert.Single(gunAtKey.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal("false", verdict.Evidence["key_present"]);
        Assert.Contains("there is no yellow key on skill 3", verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ADoomFormatMapWithAMapinfoMayBeJumpedThroughSoAStepIsNoProof()
    {
        // E1M1's exit room 40 units up: no Doom engine climbs it, but a ZDoom-family port's player jumps 36 and steps 24
        // more. A MAPINFO lump says the map may be played there (Mr. Smiley Head's Safari II's ExMy maps are Doom
        // format), but not that it is played nowhere else (freedoom ships one for those ports' level names): the proof
        // allows the jump, the explorer does not take it.
        var level = RaisedExitRoom();
        var vanilla = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var zdoom = ExplorationFixtures.Explore(ReadWithLump(level, "MAPINFO", Mapinfo));

        Assert.Contains(vanilla.Findings, f => f is { Kind: ExplorerFindingKind.ExitUnreachable, Severity: FindingSeverity.Critical });
        Assert.False(zdoom.ExitReached);
        Assert.DoesNotContain(zdoom.Events, e => e.Kind == ExplorerEventKind.Jump);
        Assert.DoesNotContain(zdoom.Findings, f => f.Severity == FindingSeverity.Critical);
        var verdict = Assert.Single(zdoom.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((FindingSeverity.Major, "not proven"), (verdict.Severity, verdict.Evidence["proof"]));
    }

    [Fact]
    public void ADoomFormatMapWhoseModDefinesActorsIsFinishedByAJump()
    {
        // The same map with a DECORATE lump: actors only ZDoom-family ports read, so the map is played nowhere else, and
        // the explorer jumps into the exit room (GZDoom's jump), which the validator upholds.
        const string Decorate = "actor HangarLamp 20001\n{\n  Radius 8\n  Height 32\n}\n";
        var level = RaisedExitRoom();

        var zdoom = ExplorationFixtures.Explore(ReadWithLump(level, "DECORATE", Decorate));

        Assert.True(zdoom.ExitReached, string.Join("; ", zdoom.Findings.Select(f => f.Title)));
        Assert.Empty(zdoom.Validation!.Refutations);
        Assert.Contains(zdoom.Events, e => e.Kind == ExplorerEventKind.Jump);
        Assert.Contains(zdoom.Validation.Assumptions, a => a.StartsWith("the run jumps as GZDoom's player does", StringComparison.Ordinal));
    }

    private const string Mapinfo = """
        map E1M1 "Hangar"
        {
          next = "E1M2"
          sky1 = "SKY1"
        }
        """;

    // E1M1 with its exit room 40 units up, and every open room 40 taller, so that a head has room to jump on the way in
    // (E1M1's corridor to the exit is 72 units high); closed doors stay closed.
    private static EditableLevel RaisedExitRoom()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var exitRoom = ExplorationFixtures.Explore(ExplorationFixtures.Read(level)).Events.Single(e => e.Kind == ExplorerEventKind.ExitReached).Sector;
        ExplorationFixtures.SetSectorFloor(level, exitRoom, ExplorationFixtures.SectorFloor(level, exitRoom) + 40);
        for (var sector = 0; sector < ExplorationFixtures.SectorCount(level); sector++)
        {
            if (ExplorationFixtures.SectorCeiling(level, sector) > ExplorationFixtures.SectorFloor(level, sector))
            {
                ExplorationFixtures.SetSectorCeiling(level, sector, ExplorationFixtures.SectorCeiling(level, sector) + 40);
            }
        }

        return level;
    }

    private static (EditableLevel Level, (short X, short Y) Key) Map02WithTheYellowKeyTakenAway()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP02");
        var index = Enumerable.Range(0, level.ThingCount).Single(i => level.Thing(i).Type == 6);
        var key = level.Thing(index);
        level.RemoveThing(index);
        return (level, (key.X, key.Y));
    }

    private static Level ReadWithLump(EditableLevel level, string lump, string text)
    {
        var wad = WadFile.Read(RlGameTester.TestSupport.WadBuilder.WithExtraLump(level.ToWad(), lump, Encoding.Latin1.GetBytes(text)));
        return LevelReader.Read(wad, level.Name).WithActors(WadActors.Read(wad));
    }

    // MAP04 ends only by W1 exit lines; flagged impassable they never fire, which the explorer proves on its own.
    private static (EditableLevel Level, List<int> Exits) Map04WithImpassableExits()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP04");
        var exits = Enumerable.Range(0, level.LineCount).Where(i => level.LineField(i, 3) == 52).ToList();
        foreach (var line in exits)
        {
            level.SetLineField(line, 2, (ushort)(level.LineField(line, 2) | (ushort)LinedefFlags.Impassable));
        }

        return (level, exits);
    }

    // The blue door on E1M1's way to the exit room: a column in it blocks the only way (see SeededDefectExplorationTests).
    private static (double X, double Y) DoorwayBeforeTheExit(Level level)
    {
        var played = ExplorationFixtures.Explore(level);
        var doorLine = played.Events.Last(e => e.Kind == ExplorerEventKind.LineActivated && e.Line is { } l &&
            LinedefSpecials.FindDoom(level.Linedefs[l].Special)?.Keys is not null).Line!.Value;
        var doorSector = level.Sidedefs[level.Linedefs[doorLine].BackSide].Sector;
        return ExitFinder.PointInside(new LevelGeometry(level), doorSector);
    }
}
