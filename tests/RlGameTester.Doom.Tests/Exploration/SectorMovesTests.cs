using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>Where specials leave the sectors they move: the table the explorer's sector heights come from.</summary>
public sealed class SectorMovesTests
{
    [Fact]
    public void EveryVanillaAndBoomSpecialThatMovesSectorsSaysWhere()
    {
        // Crushers come back up, stop lines stop, close-wait-open doors open again: they leave nothing moved.
        int[] leaveNothing = [16, 76, 175, 196, 54, 89, 163, 182];
        for (var special = 1; special < 0x8000; special++)
        {
            if (LinedefSpecials.FindDoom(special) is not { MovesSectors: true, Effect: not LineEffect.Crusher } info || leaveNothing.Contains(special))
            {
                continue;
            }

            var isGeneralisedCloseWaitOpen = info.IsGeneralized && info.Effect == LineEffect.Door && ((special >> 5) & 3) == 2;
            Assert.True(SectorMoves.FindDoom(special) is not null || isGeneralisedCloseWaitOpen, $"special {special} ({info.Name}) has no move");
        }
    }

    [Theory]
    [InlineData(1, true, MoveTarget.DoorOpen, MoveKind.Permanent)]
    [InlineData(3, true, MoveTarget.OwnFloor, MoveKind.Permanent)]
    [InlineData(23, false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent)]
    [InlineData(18, false, MoveTarget.NextHigherFloor, MoveKind.Permanent)]
    [InlineData(36, false, MoveTarget.HighestNeighbourFloorAdjusted, MoveKind.Permanent)]
    [InlineData(62, false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle)]
    [InlineData(87, false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle)]
    [InlineData(8, false, MoveTarget.ByAmount, MoveKind.Stairs)]
    [InlineData(9, false, MoveTarget.None, MoveKind.Donut)]
    [InlineData(40, true, MoveTarget.HighestNeighbourCeiling, MoveKind.Permanent)]
    public void VanillaSpecialsMoveWhereDoomDoes(int special, bool ceiling, MoveTarget target, MoveKind kind)
    {
        var move = SectorMoves.FindDoom(special);

        Assert.NotNull(move);
        Assert.Equal((ceiling, target, kind), (move.Ceiling, move.Target, move.Kind));
    }

    [Fact]
    public void RaiseToNextFloorPlatformsEndTheDamageOfTheirSector()
    {
        Assert.True(SectorMoves.FindDoom(20)!.ClearsSpecial);
        Assert.True(SectorMoves.FindDoom(22)!.ClearsSpecial);
        Assert.False(SectorMoves.FindDoom(18)!.ClearsSpecial);
    }

    [Fact]
    public void GeneralisedTypesAreDecodedFromTheirBits()
    {
        // Floor (0x6000): bit 6 up, bits 7-9 target 2 = next neighbour floor.
        var floorUpToNext = SectorMoves.FindDoom(0x6000 | 0x40 | (2 << 7));
        Assert.Equal((false, MoveTarget.NextHigherFloor), (floorUpToNext!.Ceiling, floorUpToNext.Target));
        var floorDownBy24 = SectorMoves.FindDoom(0x6000 | (6 << 7));
        Assert.Equal((MoveTarget.ByAmount, -24), (floorDownBy24!.Target, floorDownBy24.Amount));

        // Lift (0x3400) target 3: perpetual; stairs (0x3000) step 16 upwards.
        Assert.True(SectorMoves.FindDoom(0x3400 | (3 << 8))!.Perpetual);
        var stairs = SectorMoves.FindDoom(0x3000 | (2 << 6) | 0x100);
        Assert.Equal((MoveKind.Stairs, 16), (stairs!.Kind, stairs.Amount));

        // Door kinds: open-stay opens, close-stay closes.
        Assert.Equal(MoveTarget.DoorOpen, SectorMoves.FindDoom(0x3C00 | (1 << 5))!.Target);
        Assert.Equal(MoveTarget.OwnFloor, SectorMoves.FindDoom(0x3C00 | (3 << 5))!.Target);
    }

    [Fact]
    public void StairsBuildAtTheirOwnSpeedsSlowerThanAUnitATic()
    {
        // Doom's build-8 stairs a quarter of a unit a tic, turbo ones 4; Boom's generalised ones a quarter, a half, 2, 4
        // (bits 3-4); ZDoom's Stairs_BuildUpDoom in eighths of a unit (speed 2: a quarter).
        Assert.Equal(0.25, SectorMoves.FindDoom(8)!.UnitsPerTic);
        Assert.Equal(4, SectorMoves.FindDoom(100)!.UnitsPerTic);
        Assert.Equal([0.25, 0.5, 2, 4], [.. Enumerable.Range(0, 4).Select(s => SectorMoves.FindDoom(0x3000 | 0x100 | (s << 3))!.UnitsPerTic)]);
        Assert.Equal(0.25, SectorMoves.FindHexen(217, new SpecialArgs(5, 2, 8, 0, 0))!.UnitsPerTic);
    }

    [Fact]
    public void HexenDoorsAndFloorsTakeTheirAmountsFromTheArguments()
    {
        var args = new SpecialArgs(5, 16, 48, 0, 0);

        Assert.Equal(MoveTarget.DoorOpen, SectorMoves.FindHexen(12, args)!.Target);
        Assert.Equal(48, SectorMoves.FindHexen(23, args)!.Amount);
        Assert.Equal(-48, SectorMoves.FindHexen(20, args)!.Amount);
        Assert.Null(SectorMoves.FindHexen(80, args));
    }

    [Theory]
    // Floor_MoveToValue(tag, speed, height, negative): to -48 itself, at 16 / 8 units a tic.
    [InlineData(37, 5, 16, 48, 1, 0, false, MoveTarget.Absolute, MoveKind.Permanent, -48, 0, 2)]
    [InlineData(68, 5, 16, 6, 0, 0, false, MoveTarget.Absolute, MoveKind.Permanent, 48, 0, 2)]
    [InlineData(35, 5, 64, 6, 0, 0, false, MoveTarget.ByAmount, MoveKind.Permanent, 48, 0, 8)]
    [InlineData(66, 5, 0, 6, 0, 0, false, MoveTarget.ByAmount, MoveKind.Permanent, -48, 0, SectorMove.InstantSpeed)]
    // Plat_DownWaitUpStay stops 8 above the lowest floor around; Plat_DownWaitUpStayLip at its lip.
    [InlineData(62, 5, 32, 70, 0, 0, false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, 0, 8, 4)]
    [InlineData(206, 5, 32, 70, 0, 0, false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, 0, 0, 4)]
    [InlineData(64, 5, 32, 70, 0, 0, false, MoveTarget.HighestNeighbourFloor, MoveKind.Cycle, 0, 0, 4)]
    [InlineData(63, 5, 32, 70, 4, 0, false, MoveTarget.ByAmount, MoveKind.Cycle, -32, 0, 4)]
    // Floor_RaiseToCeiling's gap, Ceiling_LowerToFloor's gap.
    [InlineData(259, 5, 8, 0, 0, 16, false, MoveTarget.OwnCeiling, MoveKind.Permanent, 0, -16, 1)]
    [InlineData(254, 5, 8, 0, 0, 16, true, MoveTarget.OwnFloor, MoveKind.Permanent, 0, 16, 1)]
    // Generic_Floor(tag, speed, height, target, flags): raise (8) to the lowest ceiling less the height; lower by it.
    [InlineData(200, 5, 16, 24, 4, 8, false, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent, 0, -24, 2)]
    [InlineData(200, 5, 16, 24, 0, 0, false, MoveTarget.ByAmount, MoveKind.Permanent, -24, 0, 2)]
    // Generic_Floor target 6 raising: by the shortest lower texture (floorRaiseByTexture).
    [InlineData(200, 5, 16, 0, 6, 8, false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent, 0, 0, 2)]
    // Door_Open, Door_Raise and Door_LockedRaise open at their speed (64: a fast door, 8 a tic); Door_Close closes.
    [InlineData(11, 5, 64, 0, 0, 0, true, MoveTarget.DoorOpen, MoveKind.Permanent, 0, 0, 8)]
    [InlineData(12, 5, 16, 150, 0, 0, true, MoveTarget.DoorOpen, MoveKind.Permanent, 0, 0, 2)]
    [InlineData(13, 5, 32, 150, 1, 0, true, MoveTarget.DoorOpen, MoveKind.Permanent, 0, 0, 4)]
    [InlineData(10, 5, 64, 0, 0, 0, true, MoveTarget.OwnFloor, MoveKind.Permanent, 0, 0, 8)]
    // Generic_Door kind 3 closes.
    [InlineData(202, 5, 16, 3, 0, 0, true, MoveTarget.OwnFloor, MoveKind.Permanent, 0, 0, 2)]
    // Floor_LowerToHighest's adjust (arg 2 less 128) when the floor is not there already, or always with force (arg 3).
    [InlineData(242, 5, 32, 136, 0, 0, false, MoveTarget.HighestNeighbourFloorAdjusted, MoveKind.Permanent, 8, 0, 4)]
    [InlineData(242, 5, 32, 120, 1, 0, false, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent, 0, -8, 4)]
    // Doom's stair builders in ZDoom's numbers (tag, speed, step, ...), up and down; Ceiling_LowerAndCrush stays down.
    [InlineData(217, 5, 2, 8, 0, 0, false, MoveTarget.ByAmount, MoveKind.Stairs, 8, 0, 1)]
    [InlineData(270, 5, 32, 16, 0, 0, false, MoveTarget.ByAmount, MoveKind.Stairs, -16, 0, 4)]
    [InlineData(271, 5, 32, 24, 0, 0, false, MoveTarget.ByAmount, MoveKind.Stairs, 24, 0, 4)]
    [InlineData(43, 5, 16, 0, 0, 0, true, MoveTarget.OwnFloorPlus8, MoveKind.Permanent, 0, 0, 2)]
    [InlineData(250, 5, 8, 8, 0, 0, false, MoveTarget.None, MoveKind.Donut, 0, 0, 1)]
    public void ZDoomSpecialsMoveWhereGZDoomsThinkersDo(int special, int a0, int a1, int a2, int a3, int a4, bool ceiling, MoveTarget target, MoveKind kind, int amount, int offset, int speed)
    {
        var move = SectorMoves.FindHexen(special, new SpecialArgs(a0, a1, a2, a3, a4));

        Assert.NotNull(move);
        Assert.Equal((ceiling, target, kind, amount, offset, speed), (move.Ceiling, move.Target, move.Kind, move.Amount, move.Offset, move.Speed));
    }

    [Theory]
    // Generic_Door's close-wait-open, Generic_Floor's lowering by texture, Ceiling_RaiseToNearest, stairs that sink back
    // (their reset), crushers that come back up.
    [InlineData(202, 2, 0, 0)]
    [InlineData(200, 0, 6, 0)]
    [InlineData(252, 0, 0, 0)]
    [InlineData(217, 8, 0, 105)]
    [InlineData(272, 8, 105, 0)]
    [InlineData(196, 8, 10, 0)]
    public void ZDoomMovesThatNeedWhatIsNotModelledAreNotSimulated(int special, int a2, int a3, int a4) =>
        Assert.Null(SectorMoves.FindHexen(special, new SpecialArgs(5, 16, a2, a3, a4)));

    [Theory]
    [InlineData(13, 0, 3, 0, "yellow keycard")]
    [InlineData(14, 0, 2, 0, "blue keycard")]
    [InlineData(202, 0, 0, 1, "red keycard")]
    [InlineData(83, 0, 0, 4, "red skull key")]
    public void EveryLockedHexenSpecialNamesItsLockFromTheRightArgument(int special, int a2, int a3, int a4, string keys)
    {
        Assert.Equal(keys, LinedefSpecials.HexenLineLock(special, new SpecialArgs(5, 16, a2, a3, a4))?.Description);
        Assert.Null(LinedefSpecials.HexenLineLock(12, new SpecialArgs(5, 16, a2, a3, a4)));
    }

    [Fact]
    public void EveryHexenMoveTheTableModelsCountsAsOneThatMayMoveSectors()
    {
        // What keeps a 3D floor's sector as drawn (ThreeDFloors) must include every move the explorer makes.
        for (var special = 1; special <= 300; special++)
        {
            foreach (var kind in (int[])[0, 1, 2, 3, 4, 5])
            {
                if (SectorMoves.FindHexen(special, new SpecialArgs(5, 16, kind, kind, 128 * (kind & 1))) is not null)
                {
                    Assert.True(SectorMoves.MayMoveHexen(special), $"special {special}");
                }
            }
        }
    }
}
