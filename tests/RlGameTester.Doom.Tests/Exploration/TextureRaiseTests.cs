using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Floors raised by the shortest lower texture around them (Doom's 30 and 96, Boom's, the generalised target 5, ZDoom's
/// Floor_RaiseByTexture, Map07's tag 667) go by the textures' heights where the level is read with its resources
/// (<see cref="Level.WithTextures"/>). Until 2026-12-07 the explorer guessed the next floor up (else 64 up) and the
/// validator accepted any height up to 128 above.
/// </summary>
public sealed class TextureRaiseTests
{
    private const int Pit = 1;

    // The start A (floor 0), the pit P (tag 1, floor -64) a W1 line at its west side raises by its shortest lower texture,
    // the ledge B (floor 80) and, over a walk-over exit, E. Every side has the lower texture T (walls are one-sided and do
    // not count): raised by 128, P stops at 64, a step below B; the guess (the next floor up, A's 0) leaves 80 to climb,
    // more than a jump.
    private static Level PitLevel() => HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 192), new Room(64, -64, 192, Tag: Pit), new Room(64, 80, 192), new Room(64, 80, 192)],
            [(30, Pit), (0, 0), (52, 0)])
        .Replace("texturemiddle = \"STARTAN3\";", "texturemiddle = \"STARTAN3\"; texturebottom = \"T\";", StringComparison.Ordinal));

    private static TextureHeights Heights(int t, int? first = 64) => new([KeyValuePair.Create("T", t)], first);

    [Fact]
    public void WithTheTexturesHeightTheExplorerRidesThePitUpAndTheRunHolds()
    {
        var result = ExplorationFixtures.ExploreEveryTic(PitLevel().WithTextures(Heights(128)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    [Fact]
    public void ReadAloneTheRaiseIsGuessedAndTheLedgeIsOutOfReach()
    {
        Assert.False(ExplorationFixtures.ExploreEveryTic(PitLevel()).ExitReached);
    }

    [Fact]
    public void TheValidatorRefutesTheRunWhereTheTextureIsShorter()
    {
        var run = ExplorationFixtures.ExploreEveryTic(PitLevel().WithTextures(Heights(128)));

        // Raised by 40 the pit stops at -24: 104 below the ledge.
        var verdict = ValidationFixtures.Validate(PitLevel().WithTextures(Heights(40)), run.Events);

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.StepTooHigh);
    }

    [Fact]
    public void DoomReadsASideWithNoLowerTextureAsTextureZeroAndBoomSkipsIt()
    {
        // Only the pit's own sides have T: the start's and the ledge's sides of its lines have none.
        var textmap = HandMadeRuns.RowOfRooms(
                [new Room(128, 0, 192), new Room(64, -64, 192, Tag: Pit), new Room(64, 48, 192)],
                [(30, Pit), (0, 0)])
            .Replace("sidedef { sector = 1; texturemiddle = \"STARTAN3\"; }", "sidedef { sector = 1; texturemiddle = \"STARTAN3\"; texturebottom = \"T\"; }", StringComparison.Ordinal);
        var level = HandMadeRuns.Read(textmap);

        Assert.Equal((24, 96), ShortestLowerTexture.Around(level.WithTextures(Heights(96, first: 24)), Pit));
        Assert.Equal((96, 96), ShortestLowerTexture.Around(level.WithTextures(Heights(96, first: 128)), Pit));

        // Not known: the level read alone, a texture the resources lack, texture 0 not known.
        Assert.Equal((null, null), ShortestLowerTexture.Around(level, Pit));
        Assert.Equal((null, null), ShortestLowerTexture.Around(level.WithTextures(new TextureHeights([KeyValuePair.Create("U", 8)], 24)), Pit));
        Assert.Equal((null, 96), ShortestLowerTexture.Around(level.WithTextures(Heights(96, first: null)), Pit));
    }

    [Fact]
    public void AUdmfLevelPlaysByBoomsRuleAndAVanillaOneByDooms()
    {
        Assert.True(ShortestLowerTexture.PlaysByBoomsRule(PitLevel()));
        var vanilla = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP01");
        Assert.False(ShortestLowerTexture.PlaysByBoomsRule(vanilla));
    }

    [Fact]
    public void AResourceSetGivesEveryTexturesHeightAndTextureZero()
    {
        var heights = new ResourceSet([WadResources.From(Fixtures.Freedoom2)]).TextureHeights();

        Assert.False(heights.IsEmpty);
        Assert.Equal(128, heights.Of("STARTAN3"));
        Assert.Null(heights.Of("NOSUCHTX"));
        Assert.NotNull(heights.FirstTexture);
    }
}
