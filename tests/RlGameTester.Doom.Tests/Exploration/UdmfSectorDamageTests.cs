using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// UDMF's sector damage fields (<c>damageamount</c>, <c>damageinterval</c>), which GZDoom applies as a special's damage:
/// until 2026-12-06 the reader dropped them, and the explorer crossed JAMP2 MAP04's 64 damaging sectors unhurt.
/// </summary>
public sealed class UdmfSectorDamageTests
{
    [Fact]
    public void TheDamageFieldsAreReadAsHealthLostEvery32Tics()
    {
        var level = HandMadeRuns.Read(Corridor("damageamount = 10; damageinterval = 16;"));

        Assert.Equal((10, 16, 20), (level.Sectors[1].DamageAmount, level.Sectors[1].DamageInterval, level.Sectors[1].FieldDamagePer32Tics));
        Assert.Equal((0, 32, 0), (level.Sectors[0].DamageAmount, level.Sectors[0].DamageInterval, level.Sectors[0].FieldDamagePer32Tics));
    }

    [Fact]
    public void AFloorWithDamageFieldsHurtsThePlayerWhoCrossesIt()
    {
        // A damaging room 1024 units long between the start and the exit room: crossing it takes more than 32 tics.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Corridor("damageamount = 10;")));
        var harmless = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Corridor("")));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var hurts = result.Events.Where(e => e.Kind == ExplorerEventKind.HealthChange && e.NewHealth < e.OldHealth).ToList();
        Assert.NotEmpty(hurts);
        Assert.All(hurts, e => Assert.Contains("10 hp / 32 tics", e.Cause, StringComparison.Ordinal));
        Assert.DoesNotContain(harmless.Events, e => e.Kind == ExplorerEventKind.HealthChange);
    }

    // The start (128 wide), a 1024-unit room carrying the given fields, and the exit room past a walk-over Exit_Normal.
    private static string Corridor(string fields)
    {
        return HandMadeRuns.ThroughOneRoom(new Room(1024, 0, 128, Tag: 3)).Replace("id = 3; }", $"id = 3; {fields} }}", StringComparison.Ordinal);
    }
}
