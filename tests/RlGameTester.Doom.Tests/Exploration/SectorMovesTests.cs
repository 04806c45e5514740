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
    [InlineData(36, false, MoveTarget.HighestNeighbourFloorPlus8, MoveKind.Permanent)]
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
    public void HexenDoorsAndFloorsTakeTheirAmountsFromTheArguments()
    {
        var args = new SpecialArgs(5, 16, 48, 0, 0);

        Assert.Equal(MoveTarget.DoorOpen, SectorMoves.FindHexen(12, args)!.Target);
        Assert.Equal(48, SectorMoves.FindHexen(23, args)!.Amount);
        Assert.Equal(-48, SectorMoves.FindHexen(20, args)!.Amount);
        Assert.Null(SectorMoves.FindHexen(80, args));
    }
}
