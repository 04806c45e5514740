using RlGameTester.Doom.Actors;

namespace RlGameTester.Doom.Tests.Actors;

/// <summary>
/// A mod's actor definitions, read as GZDoom loads them: the texts are written here, in the shapes DECORATE, ZScript,
/// MAPINFO and DEHACKED take in released mods.
/// </summary>
public sealed class ActorScriptTests
{
    private static ModActors Read(string name, string text, Dictionary<string, string>? files = null) =>
        ActorScript.Read([(name, text)], include => files?.GetValueOrDefault(include));

    [Fact]
    public void AnActorThatReplacesADoomMonsterTakesItsEditorNumberAndItsDeathActions()
    {
        var actors = Read("DECORATE", """
            ACTOR Bane replaces BaronOfHell
            {
              Health 3000
              States
              {
              Death:
                BOSS J 8 A_Scream
                BOSS O 50 A_BrainDie
                Stop
              }
            }
            """);

        var rule = Assert.Single(actors.Rules);
        Assert.Equal((3003, "Bane", ActorEffect.ExitLevel, "A_BrainDie"), (rule.EditorNumber, rule.ClassName, rule.Effect, rule.Call));
    }

    [Fact]
    public void AKeenDieOpensTag666UnlessItNamesAnotherTag()
    {
        var actors = Read("DECORATE", """
            actor Joker : ZombieMan replaces ZombieMan { States { Death: POSS L -1 A_KeenDie Stop } }
            actor Riddler 9200 { States { Death: POSS L -1 A_KeenDie(12) Stop } }
            """);

        Assert.Contains(actors.Rules, r => r is { EditorNumber: 3004, Effect: ActorEffect.OpenDoor, Tag: 666 });
        Assert.Contains(actors.Rules, r => r is { EditorNumber: 9200, Effect: ActorEffect.OpenDoor, Tag: 12 });
        Assert.Contains(9200, actors.EditorNumbers);
    }

    [Fact]
    public void ARandomSpawnerDoesWhatTheActorsItDropsDoAndChildrenInheritTheirParentsStates()
    {
        var actors = Read("DECORATE", """
            ACTOR Thief replaces Fatso
            {
              States { Death: FATT T -1 ACS_Execute(701, 0, 1) Stop }
            }
            ACTOR ThiefChief : Thief {}
            ACTOR ThiefSpawn : RandomSpawner replaces Arachnotron
            {
              DropItem "ThiefChief"
              DropItem "Clip"
            }
            """);

        // Fatso is replaced by Thief itself; the Arachnotron's spawner drops a Thief's child, which runs the script too.
        Assert.Contains(actors.Rules, r => r is { EditorNumber: 67, ClassName: "Thief", Effect: ActorEffect.RunsScript });
        Assert.Contains(actors.Rules, r => r is { EditorNumber: 68, ClassName: "ThiefSpawn", Effect: ActorEffect.RunsScript, Call: "ACS_Execute" });
    }

    [Fact]
    public void ZScriptClassesAndMapinfoEditorNumbersAreReadThroughIncludes()
    {
        var files = new Dictionary<string, string>
        {
            ["zscript/bosses.zs"] = """
                class Overlord : Actor
                {
                    Default { Health 4000; +SOLID; }
                    States { Death: CYBR P -1 Exit_Normal(0); Stop; }
                }
                """,
        };
        var actors = ActorScript.Read(
            [("ZSCRIPT", "version \"4.0\"\n#include \"zscript/bosses.zs\"\n"), ("MAPINFO", "DoomEdNums\n{\n  9300 = Overlord\n}\n")],
            include => files.GetValueOrDefault(include));

        var rule = Assert.Single(actors.Rules);
        Assert.Equal((9300, ActorEffect.ExitLevel, "Exit_Normal"), (rule.EditorNumber, rule.Effect, rule.Call));
        Assert.Empty(actors.Problems);
    }

    [Fact]
    public void AMapinfosOwnIncludeIsReadAsMapinfoWhateverTheFileIsCalled()
    {
        // PSX Doom CE's mapinfo.txt: `include "mapinfo/nums.txt"` (GZDoom's MAPINFO keyword has no '#'); here the
        // included files' names do not say MAPINFO, and their map definitions must not be read as actor classes.
        var files = new Dictionary<string, string>
        {
            ["defs/nums.txt"] = "DoomEdNums\n{\n  9300 = Overlord\n}\n",
            ["defs/maps.txt"] = "map MAP06 \"Stronghold\"\n{\n  baronspecial\n  specialaction_opendoor\n}\n",
        };
        var actors = ActorScript.Read(
            [("ZSCRIPT", "class Overlord : Actor { States { Death: CYBR P -1 Exit_Normal(0); Stop; } }"),
             ("MAPINFO", "include \"defs/nums.txt\"\n  include \"defs/maps.txt\"\n")],
            include => files.GetValueOrDefault(include));

        Assert.Equal((9300, ActorEffect.ExitLevel), (Assert.Single(actors.Rules).EditorNumber, actors.Rules[0].Effect));
        Assert.Contains(actors.RulesOn("MAP06"), r => r is { EditorNumber: 3003, Effect: ActorEffect.OpenDoor, Tag: 666 });
        Assert.Empty(actors.Problems);
    }

    [Fact]
    public void NamesInStringsAndCommentsAreNotCallsAndAMissingIncludeIsAProblemNotAFailure()
    {
        var actors = Read("DECORATE", """
            #include "actors/missing.txt"
            // actor Ghost replaces Cyberdemon { States { Death: CYBR P -1 A_BrainDie Stop } }
            actor Gate replaces TechPillar
            {
              DeathSound "Door_Open"
              States { Death: TNT1 A 0 A_SpawnItem("A_BrainDie") /* A_KeenDie */ Stop }
            }
            """);

        Assert.Empty(actors.Rules);
        Assert.Contains(actors.Problems, p => p.Contains("actors/missing.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void ADehackedPatchThatRenumbersAThingOrReshapesAnObstacleIsKept()
    {
        var actors = Read("DEHACKED", """
            Patch File for DeHackEd v3.0
            Doom version = 19
            Patch format = 6

            Thing 15 (Cacodemon, now a stalagmite)
            ID # = 47
            Width = 1048576
            Bits = 4

            Thing 99 (Tech pillar)
            Height = 1048576

            Frame 100
            Duration = 3
            """);

        Assert.True(actors.Reshaped[47].Renumbered);
        Assert.Contains("gives editor number 47 to Doom's type 3005", actors.Reshaped[47].Description, StringComparison.Ordinal);
        Assert.False(actors.Reshaped[48].Renumbered);
        Assert.Equal(2, actors.Reshaped.Count);
    }

    [Fact]
    public void ReplacedThingsTakeTheModsSolidityAndSizeOrTheirParentsAndKillableOnesDoNotBlock()
    {
        var actors = Read("ZSCRIPT", """
            class WaterDrip : Actor replaces TechLamp { Default { Radius 4; } }
            class OfficeChair : Actor replaces Candelabra { Default { radius 24; +SOLID; +SHOOTABLE; } }
            class Crate : Actor replaces Column { Default { Radius 24; +SOLID; } }
            class BigPillar : TechPillar replaces TallGreenColumn { Default { Radius 32; } }
            class Guard : Actor { Default { Monster; } }
            class GuardSpawn : RandomSpawner replaces TechLamp2 { Default { DropItem "Guard"; } }
            """);

        Assert.False(actors.Shapes[85].Blocks);
        Assert.False(actors.Shapes[35].Blocks);
        Assert.Equal((true, 24), (actors.Shapes[2028].Blocks, actors.Shapes[2028].Radius));
        Assert.Equal((true, 32), (actors.Shapes[30].Blocks, actors.Shapes[30].Radius));
        Assert.Equal((false, true), (actors.Shapes[86].Blocks, actors.Shapes[86].IsMonster));
    }

    [Fact]
    public void AMapinfosBossFlagsAndSpecialActionsAreThatLevelsBossRules()
    {
        var actors = Read("ZMAPINFO", """
            map MAP02 lookup "HUSTR_2"
            {
                next = "MAP03"
                Map07Special
            }
            map MAP06 "Stronghold"
            {
                SpecialAction = "Cyberdemon", "Floor_LowerToLowest", 70, 64
                baronspecial
                specialaction_opendoor
            }
            map MAP08 "Last"
            {
                spidermastermindspecial
            }
            """);

        Assert.Empty(actors.Rules);
        Assert.Contains(actors.RulesOn("MAP02"), r => r is { EditorNumber: 67, Effect: ActorEffect.LowerFloor, Tag: 666 });
        Assert.Contains(actors.RulesOn("MAP02"), r => r is { EditorNumber: 68, Effect: ActorEffect.RaiseFloor, Tag: 667 });
        Assert.Contains(actors.RulesOn("MAP06"), r => r is { EditorNumber: 16, Effect: ActorEffect.LowerFloor, Tag: 70 });
        Assert.Contains(actors.RulesOn("MAP06"), r => r is { EditorNumber: 3003, Effect: ActorEffect.OpenDoor, Tag: 666 });
        Assert.Contains(actors.RulesOn("map08"), r => r is { EditorNumber: 7, Effect: ActorEffect.ExitLevel });
        Assert.Empty(actors.RulesOn("MAP03"));
    }

    [Fact]
    public void AnItemIsWhatItsAncestryIsAndAReplacementOfAnotherKindTakesAKeyAway()
    {
        // Batman Doom Reborn's and Hacx 2's shapes: a key by ancestry at Shotgun's number, a gun at BlueCard's, a key class
        // of the engine's base that replaces a Doom key (it opens that key's doors), a medikit of the mod's own kind.
        var actors = Read("DECORATE", """
            ACTOR BlueKey : BlueCard replaces Shotgun { Inventory.PickupMessage "Blue key" }
            ACTOR Blastgun : DoomWeapon replaces RedCard { Weapon.SlotNumber 3 }
            ACTOR Password : DoomKey replaces YellowCard { Inventory.Icon "STKEYS2" }
            ACTOR Tonic : Health replaces Medikit { Inventory.Amount 25 }
            ACTOR Gadget : Inventory replaces YellowSkull { }
            ACTOR Antidote : Stimpack 9300 { }
            """);

        Assert.Equal(5, actors.Pickups[2001]);
        Assert.Null(actors.Pickups[13]);
        Assert.False(actors.Pickups.ContainsKey(6));
        Assert.False(actors.Pickups.ContainsKey(2012));
        Assert.Null(actors.Pickups[39]);
        Assert.Equal(2011, actors.Pickups[9300]);
    }

    [Fact]
    public void AMonsterThatSpawnsOrAlwaysDropsAKeyWhenItDiesLeavesThatKey()
    {
        var actors = Read("DECORATE", """
            ACTOR BlueKey : BlueCard replaces Shotgun {}
            ACTOR Terrorist : ZombieMan { Health 30 }
            ACTOR TerroristKey : Terrorist
            {
              States
              {
              Death:
                POSS J 5 A_NoBlocking
                POSS J 0 A_SpawnItemEx("BlueKey", 0, 0, 0, 0, 0, 0, 0, 0, 0)
                POSS L -1
                Stop
              }
            }
            ACTOR TerroristSpawnKey : RandomSpawner replaces ShotgunGuy { DropItem TerroristKey }
            ACTOR Courier : ZombieMan replaces ChaingunGuy { DropItem "RedSkull" }
            ACTOR Gambler : ZombieMan replaces DoomImp { DropItem "YellowCard", 128 }
            ACTOR Mixed : RandomSpawner replaces Demon { DropItem TerroristKey DropItem Terrorist }
            """);

        Assert.Equal(5, actors.KeyDrops[9]);
        Assert.Equal(38, actors.KeyDrops[65]);
        Assert.False(actors.KeyDrops.ContainsKey(3001));
        Assert.False(actors.KeyDrops.ContainsKey(3002));
    }

    [Fact]
    public void OnlyADehackedPatchLeavesTheModToDoomsEngines()
    {
        var patch = Read("DEHACKED", "Patch File for DeHackEd v3.0\nDoom version = 21\n\nThing 1 (Player)\nInitial health = 200\n");
        var decorate = Read("DECORATE", "actor Rock : Column replaces Column {}");
        var mapinfo = Read("MAPINFO", "map MAP01 \"Entryway\" { next = \"MAP02\" }");

        Assert.False(patch.ForZDoomPorts);
        Assert.True(decorate.ForZDoomPorts);
        Assert.True(mapinfo.ForZDoomPorts);
        Assert.True(patch.Merge(mapinfo).ForZDoomPorts);
        Assert.False(mapinfo.IsEmpty);
    }

    [Fact]
    public void AMapinfosNojumpKeepsThePlayerOnTheGroundWhereItSaysSo()
    {
        // Old format, as Jonathan's Arcade Mapping Project 2 writes it: a default entry runs until the next keyword.
        var old = Read("MAPINFO", "defaultmap\nForgetState\nnojump\nnocrouch\nnext TITLEMAP\n\nclearepisodes\nmap MAP01 lookup \"JAMP2_MAP01\"\nsky1 BIGSKY 0.0\n");
        // ZDoom's format: a level's own entry overrides the default; a title that says "nojump" is a title.
        var braces = Read("ZMAPINFO", """
            defaultmap
            {
                nojump
            }
            map MAP03 "Leap of faith"
            {
                allowjump
            }
            map MAP04 "nojump"
            {
                next = "MAP05"
            }
            """);
        var none = Read("ZMAPINFO", "map MAP01 \"Entryway\" { next = \"MAP02\" }");

        Assert.False(old.JumpAllowed("MAP01"));
        Assert.False(braces.JumpAllowed("MAP01"));
        Assert.True(braces.JumpAllowed("MAP03"));
        Assert.False(braces.JumpAllowed("MAP04"));
        Assert.True(none.JumpAllowed("MAP01"));
        Assert.False(none.Merge(old).JumpAllowed("MAP02"));
        Assert.True(old.Merge(braces).JumpAllowed("MAP03"));
    }
}
