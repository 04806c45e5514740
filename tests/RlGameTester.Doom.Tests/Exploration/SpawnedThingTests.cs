using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Things scripts spawn (Project Zolee MAP02's ambush: SpawnSpotFacing("Arachnotron", ...) before the script that opens
/// the way on): the module's string table names the class, a plain monster (or a teleport's fog) is read as changing
/// nothing a body's way depends on, so the script's gate or move is read as before; a key, a class the reading cannot
/// name, a boss whose death the level's rules act on, or a mod's monster that drops a key is not, and the line is left
/// to the ports. Thing_Spawn's spawn numbers are read the same way.
/// </summary>
public sealed class SpawnedThingTests
{
    private static readonly string[] Classes = ["TeleportFog", "DoomImp", "RedCard"];

    // pushnumber 5, pushnumber 0 (BLOCK_NOTHING), setlineblocking, terminate: the gate (id 5) opens.
    private static readonly int[] OpenGate = [3, 5, 3, 0, 98, 1];

    [Theory]
    [InlineData("ACS0")]
    [InlineData("STRL")]
    [InlineData("STRE")]
    public void AModulesStringTableIsReadInEachFormAccWritesIt(string form)
    {
        var module = AcsModule.Read(form switch
        {
            "ACS0" => Behavior.Acs0([(1, AcsScriptKind.Closed, 0, [1])], Classes),
            _ => Behavior.Acse(1, AcsScriptKind.Closed, 0, [1], Behavior.StringChunk(Classes, encrypted: form == "STRE")),
        });

        Assert.Null(module.Problem);
        Assert.Equal(Classes, module.Strings);
        // A string tagged by PCD_TAGSTRING carries its library's number above the index.
        Assert.Equal("DoomImp", module.StringAt(1 | (2 << 16)));
        Assert.Null(module.StringAt(3));
        Assert.Null(module.StringAt(null));
    }

    [Fact]
    public void ASpawnOfANamedClassIsReadAndOneTheReadingCannotNameIsUnbounded()
    {
        // SpawnSpotFacing of string 1 (tagged), SpawnSpotDirect of string 2, then SpawnSpotFacing of a script variable.
        int[] code = [.. SpawnFacing(1), 152, 2, 10, 0, 0, 54, 28, 0, 3, 10, 3, 0, 289, 54, 1];
        var module = AcsModule.Read(Behavior.Acs0([(1, AcsScriptKind.Closed, 1, code)], Classes));

        var reading = AcsReading.Of(module, module.Find(1)!, [null]);

        Assert.Equal(["DoomImp", "RedCard"], reading.Spawns);
        Assert.Contains(reading.Unbounded, u => u.Contains("cannot name", StringComparison.Ordinal));
    }

    [Fact]
    public void APlainMonsterOrAFogIsHarmlessAndAKeyABossOrAnUnknownClassIsNot()
    {
        var map01 = HandMadeRuns.Read(PlayerBlockingLineTests.Row(""));
        var map07 = LevelReader.Read(WadFile.Read(WadWriter.Write([("MAP07", []), ("TEXTMAP", System.Text.Encoding.UTF8.GetBytes(PlayerBlockingLineTests.Row(""))), ("ENDMAP", [])])), "MAP07");

        Assert.True(SpawnedThings.IsHarmless(map01, "DoomImp"));
        Assert.True(SpawnedThings.IsHarmless(map01, "teleportfog"));
        Assert.True(SpawnedThings.IsHarmless(map01, "Fatso"));
        Assert.False(SpawnedThings.IsHarmless(map07, "Fatso"));
        Assert.False(SpawnedThings.IsHarmless(map01, "CommanderKeen"));
        Assert.False(SpawnedThings.IsHarmless(map01, "RedCard"));
        Assert.False(SpawnedThings.IsHarmless(map01, "ExplosiveBarrel"));
        Assert.False(SpawnedThings.IsHarmless(map01, "SomeModsBridge"));

        // Thing_SpawnNoFog's type is a spawn number: 5 is DoomImp, 86 RedCard.
        Assert.True(SpawnedThings.IsHarmlessSpawn(map01, 137, 5));
        Assert.False(SpawnedThings.IsHarmlessSpawn(map01, 137, 86));
        Assert.False(SpawnedThings.IsHarmlessSpawn(map01, 137, null));
        Assert.False(SpawnedThings.IsHarmlessSpawn(map01, 130, 5));
    }

    [Fact]
    public void AModsClassesAreJudgedAsTheModDefinesThem()
    {
        var level = HandMadeRuns.Read(PlayerBlockingLineTests.Row("")).WithActors(ActorScript.Read([("DECORATE", """
            actor CalmImp : DoomImp { }
            actor KeyImp : DoomImp { DropItem "RedCard" }
            actor BridgeImp : DoomImp replaces Demon { States { Death: TROO I 8 A_BrainDie Stop } }
            actor Lamp { +SOLID }
            actor BigSpider : Fatso { }
            """)], _ => null));

        Assert.True(SpawnedThings.IsHarmless(level, "CalmImp"));
        Assert.False(SpawnedThings.IsHarmless(level, "KeyImp"));
        Assert.False(SpawnedThings.IsHarmless(level, "BridgeImp"));
        // Demon is replaced by BridgeImp, whose death ends the level: a spawn of Demon spawns it.
        Assert.False(SpawnedThings.IsHarmless(level, "Demon"));
        Assert.False(SpawnedThings.IsHarmless(level, "Lamp"));
        Assert.True(SpawnedThings.IsHarmless(level, "BigSpider"));
    }

    [Fact]
    public void AGateWhoseScriptSpawnsAnImpFirstIsReadAndWalkedThrough()
    {
        var level = Scripted([.. SpawnFacing(0), .. SpawnFacing(1), .. OpenGate]);
        Assert.Single(ScriptedLines.BlockingChanges(level, level.Linedefs[LineBlockingPlayTests.SwitchOf(level)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    [Theory]
    // SpawnSpotFacing of the red keycard: a key may be the way on.
    [InlineData(new[] { 3, 2, 3, 10, 3, 0, 289, 54, 3, 5, 3, 0, 98, 1 })]
    // Thing_SpawnNoFog(10, 86 (RedCard), 0, 0) by lspec4direct.
    [InlineData(new[] { 12, 137, 10, 86, 0, 0, 3, 5, 3, 0, 98, 1 })]
    public void AGateWhoseScriptSpawnsAKeyIsNotRead(int[] code)
    {
        var level = Scripted(code);

        Assert.Empty(ScriptedLines.BlockingChanges(level, level.Linedefs[LineBlockingPlayTests.SwitchOf(level)]));
        Assert.False(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    [Fact]
    public void AGateWhoseScriptSpawnsAnImpByItsSpawnNumberIsRead()
    {
        // Thing_SpawnNoFog(10, 5 (DoomImp), 0, 0) by lspec4direct, then the gate.
        var level = Scripted([12, 137, 10, 5, 0, 0, .. OpenGate]);

        Assert.Single(ScriptedLines.BlockingChanges(level, level.Linedefs[LineBlockingPlayTests.SwitchOf(level)]));
        Assert.True(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    // pushnumber the class's string, tagstring, pushnumber 10 (the spot's tid), pushnumber 0 (no new tid), spawnspotfacing, drop.
    private static int[] SpawnFacing(int classString) => [3, classString, 225, 3, 10, 3, 0, 289, 54];

    // The row's switch runs script 3 (the code given, with the class names above); the gate blocks everything.
    private static Level Scripted(int[] code) => LevelReader.Read(
        WadFile.Read(Behavior.Wad(
            LineBlockingPlayTests.WithSwitch("blockeverything = true;", "special = 80; arg0 = 3;"),
            Behavior.Acs0([(3, AcsScriptKind.Closed, 0, code)], Classes))),
        "MAP01");
}
