using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Tests.Specials;

public sealed class SpecialTablesTests
{
    [Theory]
    [InlineData(3001, "Imp", ThingCategory.Monster, 20, 56, true)]
    [InlineData(7, "Spider Mastermind", ThingCategory.Monster, 128, 100, true)]
    [InlineData(2035, "Explosive barrel", ThingCategory.Obstacle, 10, 42, true)]
    [InlineData(2012, "Medikit", ThingCategory.Health, 20, 16, false)]
    [InlineData(14, "Teleport destination", ThingCategory.TeleportDestination, 20, 16, false)]
    [InlineData(34, "Candle", ThingCategory.Light, 20, 16, false)]
    public void ThingTypesCarryTheirSizeAndSolidity(int type, string name, ThingCategory category, int radius, int height, bool blocking)
    {
        var info = ThingTypes.Find(type)!;

        Assert.Equal((name, category, radius, height, blocking), (info.Name, info.Category, info.Radius, info.Height, info.Blocking));
    }

    [Fact]
    public void KeysNameTheirKeyAndLostSoulsDoNotCountAsKills()
    {
        Assert.Equal(DoomKeys.BlueCard, ThingTypes.Find(5)!.Key);
        Assert.Equal(DoomKeys.RedSkull, ThingTypes.Find(38)!.Key);
        Assert.False(ThingTypes.Find(3006)!.CountsAsKill);
        Assert.True(ThingTypes.Find(3006)!.Floats);
        Assert.Equal(DoomGame.Doom2, ThingTypes.Find(64)!.Game);
        Assert.Null(ThingTypes.Find(32000));
    }

    [Theory]
    [InlineData(1, "DR", LineEffect.Door, false)]
    [InlineData(26, "DR", LineEffect.LockedDoor, false)]
    [InlineData(11, "S1", LineEffect.Exit, false)]
    [InlineData(51, "S1", LineEffect.SecretExit, false)]
    [InlineData(124, "W1", LineEffect.SecretExit, false)]
    [InlineData(97, "WR", LineEffect.Teleport, true)]
    [InlineData(62, "SR", LineEffect.Lift, true)]
    [InlineData(46, "GR", LineEffect.Door, true)]
    [InlineData(8, "W1", LineEffect.Stairs, true)]
    [InlineData(48, "--", LineEffect.Scroll, false)]
    [InlineData(197, "G1", LineEffect.Exit, false)]
    public void VanillaAndBoomLineSpecialsHaveTheirTriggerEffectAndTagUse(int special, string trigger, LineEffect effect, bool usesTag)
    {
        var info = LinedefSpecials.FindDoom(special)!;

        Assert.Equal((trigger, effect, usesTag), (info.TriggerCode, info.Effect, info.UsesTag));
    }

    [Fact]
    public void LockedDoorsNeedEitherKeyOfTheirColour()
    {
        var blue = LinedefSpecials.FindDoom(26)!.Keys!;

        Assert.True(blue.IsSatisfiedBy(DoomKeys.BlueCard));
        Assert.True(blue.IsSatisfiedBy(DoomKeys.BlueSkull));
        Assert.False(blue.IsSatisfiedBy(DoomKeys.RedCard | DoomKeys.YellowSkull));
        Assert.Null(LinedefSpecials.FindDoom(1)!.Keys);
    }

    [Fact]
    public void BoomGeneralisedTypesDecodeTriggerAndLock()
    {
        // Locked door, trigger DR (7), blue keycard only (2 << 6), no card/skull equivalence.
        var door = LinedefSpecials.FindDoom(0x3800 | (2 << 6) | 7)!;
        // Floor, trigger W1 (0): uses a tag.
        var floor = LinedefSpecials.FindDoom(0x6000)!;
        // Locked door needing all three colours, card or skull (7 << 6 | 0x200), trigger S1 (2).
        var allKeys = LinedefSpecials.FindDoom(0x3800 | (7 << 6) | 0x200 | 2)!;

        Assert.True(door.IsGeneralized);
        Assert.Equal(("DR", LineEffect.LockedDoor, false), (door.TriggerCode, door.Effect, door.UsesTag));
        Assert.True(door.Keys!.IsSatisfiedBy(DoomKeys.BlueCard));
        Assert.False(door.Keys!.IsSatisfiedBy(DoomKeys.BlueSkull));
        Assert.Equal(("W1", LineEffect.Floor, true), (floor.TriggerCode, floor.Effect, floor.UsesTag));
        Assert.False(allKeys.Keys!.IsSatisfiedBy(DoomKeys.AnyRed | DoomKeys.AnyBlue));
        Assert.True(allKeys.Keys!.IsSatisfiedBy(DoomKeys.RedSkull | DoomKeys.BlueCard | DoomKeys.YellowCard));
    }

    [Fact]
    public void UnknownLineSpecialsAreUnknown()
    {
        Assert.Null(LinedefSpecials.FindDoom(0));
        Assert.Null(LinedefSpecials.FindDoom(9999));
        Assert.Null(LinedefSpecials.FindHexen(300));
        Assert.Equal(LineEffect.Exit, LinedefSpecials.FindHexen(243)!.Effect);
        Assert.Equal(LineEffect.Other, LinedefSpecials.FindHexen(182)!.Effect);
    }

    [Theory]
    [InlineData(11, 20, true, false, true)]
    [InlineData(9, 0, false, true, true)]
    [InlineData(7, 5, false, false, true)]
    [InlineData(5, 10, false, false, true)]
    [InlineData(16, 20, false, false, true)]
    [InlineData(6, 0, false, false, false)]
    [InlineData(15, 0, false, false, false)]
    [InlineData(0x80 | 0x40 | 8, 10, false, true, true)]
    [InlineData(0x1000, 0, false, false, false)]
    public void DoomSectorSpecialsCarryDamageSecretAndExit(int special, int damage, bool endsLevel, bool secret, bool known)
    {
        var info = SectorSpecials.DescribeDoom(special);

        Assert.Equal((damage, endsLevel, secret, known), (info.Damage, info.EndsLevel, info.Secret, info.IsKnown));
    }

    [Fact]
    public void ZDoomSectorSpecialsUseShiftedTypesAndFlagBits()
    {
        Assert.True(SectorSpecials.DescribeZDoom(1024).Secret);
        Assert.Equal(10, SectorSpecials.DescribeZDoom(512).Damage);
        Assert.True(SectorSpecials.DescribeZDoom(75).EndsLevel);
        Assert.False(SectorSpecials.DescribeZDoom(150).IsKnown);
    }

    [Fact]
    public void BossRulesFollowTheLevelName()
    {
        Assert.Contains(BossDeathActions.For("MAP07"), a => a is { MonsterType: 67, Tag: 666 });
        Assert.Contains(BossDeathActions.For("MAP07"), a => a is { MonsterType: 68, Tag: 667 });
        Assert.Contains(BossDeathActions.For("E1M8"), a => a is { MonsterType: 3003, Tag: 666, Effect: BossEffect.LowerFloor });
        Assert.Contains(BossDeathActions.For("E2M8"), a => a is { MonsterType: 16, Tag: null, Effect: BossEffect.ExitLevel });
        Assert.DoesNotContain(BossDeathActions.For("MAP05"), a => a.Tag == 667);
        Assert.Contains(BossDeathActions.For("MAP05"), a => a is { MonsterType: 72, Tag: 666 });
    }
}
