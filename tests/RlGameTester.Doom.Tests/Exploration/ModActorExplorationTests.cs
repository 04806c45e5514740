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
