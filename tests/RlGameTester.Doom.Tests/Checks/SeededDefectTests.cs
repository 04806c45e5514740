using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Checks;

/// <summary>
/// Defects written into copies of real levels (MAP01 unless said otherwise) must be found at the element that
/// carries them, and must not be reported on the untouched level.
/// </summary>
public sealed class SeededDefectTests
{
    private static readonly Lazy<IReadOnlyList<Finding>> Untouched = new(() => Pipeline.CheckOnly(Map01()));

    [Fact]
    public void RemovingThePlayer1StartIsCritical()
    {
        var level = Map01();
        level.RemoveThing(IndexOfType(level, 1));

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(Untouched.Value, f => f.Check == CheckNames.MissingPlayer1Start);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.MissingPlayer1Start);
        Assert.Equal((FindingSeverity.Critical, ElementKind.Level, (int?)null), (finding.Severity, finding.Element, finding.Index));
    }

    [Fact]
    public void BlankingTheTextureOfAWallInViewOfTheStartIsFoundOnItsSide()
    {
        var level = Map01();
        var (line, side) = LongestOneSidedWallOfStartSector(level);
        level.SetSideTexture(side, 2, "-");

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(Untouched.Value, f => f.Check == CheckNames.MissingTexture && f.Index == side);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.MissingTexture && f.Index == side);
        Assert.Equal((FindingSeverity.Major, ElementKind.Side), (finding.Severity, finding.Element));
        Assert.Contains($"Line {line}, front side", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankingAVisibleUpperTextureIsFound()
    {
        var level = Map01();
        var read = Read(level);
        var view = new LevelGeometry(read);
        var start = read.Things.First(t => t.Type == 1);
        var startSector = view.SectorAt(start.X, start.Y);
        var candidate = Enumerable.Range(0, read.Linedefs.Length)
            .Select(i => (Index: i, Line: read.Linedefs[i]))
            .First(l => l.Line.BackSide >= 0 &&
                        read.Sidedefs[l.Line.FrontSide].Sector == startSector &&
                        read.Sectors[read.Sidedefs[l.Line.BackSide].Sector].CeilingHeight < read.Sectors[startSector].CeilingHeight &&
                        read.Sidedefs[l.Line.FrontSide].UpperTexture != "-");
        level.SetSideTexture(candidate.Line.FrontSide, 0, "-");

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.MissingTexture && f.Index == candidate.Line.FrontSide);
        Assert.Contains("upper texture is missing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTextureNameIsFoundOnItsSide()
    {
        var level = Map01();
        var (_, side) = LongestOneSidedWallOfStartSector(level);
        level.SetSideTexture(side, 2, "NOSUCHTX");

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.UnknownTexture);
        Assert.Equal((ElementKind.Side, (int?)side, FindingSeverity.Major), (finding.Element, finding.Index, finding.Severity));
        Assert.Contains("\"NOSUCHTX\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BreakingASectorsClosureIsFoundAtThatSector()
    {
        var level = Map01();
        var (_, side) = LongestOneSidedWallOfStartSector(level);
        var sector = level.SideSector(side);
        level.SetSideSector(side, (ushort)(sector == 0 ? 1 : 0));

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(Untouched.Value, f => f.Check == CheckNames.UnclosedSector);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.UnclosedSector && f.Index == sector);
        Assert.Equal((ElementKind.Sector, FindingSeverity.Major), (finding.Element, finding.Severity));
    }

    [Fact]
    public void MovingAMonsterIntoAWallIsFoundOnThatMonster()
    {
        var level = Map01();
        var (line, _) = LongestOneSidedWallOfStartSector(level);
        var read = Read(level);
        var geometry = new LevelGeometry(read);
        var (x1, y1, x2, y2) = geometry.Segment(line);
        var length = geometry.Length(line);

        // Just inside the wall (the front side is on the right of the line's direction).
        var x = ((x1 + x2) / 2) + (4 * (y2 - y1) / length);
        var y = ((y1 + y2) / 2) - (4 * (x2 - x1) / length);
        var monster = Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == 3004);
        var original = level.Thing(monster);
        level.SetThing(monster, (short)Math.Round(x), (short)Math.Round(y), original.Type, original.Flags);

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(Untouched.Value, f => f.Check == CheckNames.ThingStuckInWall);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.ThingStuckInWall);
        Assert.Equal((ElementKind.Thing, (int?)monster, FindingSeverity.Major), (finding.Element, finding.Index, finding.Severity));
        Assert.Contains($"line {line}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMonsterOutsideTheMapIsFoundOnThatMonster()
    {
        var level = Map01();
        var bounds = new LevelGeometry(Read(level)).Bounds;
        var monster = Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == 3004);
        var original = level.Thing(monster);
        level.SetThing(monster, (short)(bounds.MaxX + 300), (short)(bounds.MaxY + 300), original.Type, original.Flags);

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.ThingOutsideMap);
        Assert.Equal((ElementKind.Thing, (int?)monster, FindingSeverity.Major), (finding.Element, finding.Index, finding.Severity));
    }

    [Fact]
    public void OnlyThePlayer1StartDoomSpawnsIsCriticalInTheVoidAnEarlierOneIsAVoodooDoll()
    {
        var level = Map01();
        var bounds = new LevelGeometry(Read(level)).Bounds;
        var start = Enumerable.Range(0, level.ThingCount).Last(i => level.Thing(i).Type == 1);
        var original = level.Thing(start);
        level.SetThing(start, (short)(bounds.MaxX + 300), (short)(bounds.MaxY + 300), 1, original.Flags);

        var spawned = Assert.Single(Pipeline.CheckOnly(level), f => f.Check == CheckNames.ThingOutsideMap);
        Assert.Equal(((int?)start, FindingSeverity.Critical), (spawned.Index, spawned.Severity));

        // A second start after it: Doom spawns the player there, and the one in the void is a voodoo doll.
        var doll = start;
        var player = level.ThingCount;
        level["THINGS"] = [.. level["THINGS"], .. new byte[10]];
        level.SetThing(player, original.X, original.Y, 1, original.Flags);

        var voodoo = Assert.Single(Pipeline.CheckOnly(level), f => f.Check == CheckNames.ThingOutsideMap);
        Assert.Equal(((int?)doll, FindingSeverity.Info), (voodoo.Index, voodoo.Severity));
    }

    [Fact]
    public void PointingAnActionLineAtAMissingTagIsFoundOnThatLine()
    {
        var level = Map01();
        var line = Enumerable.Range(0, level.LineCount).First(i =>
            level.LineField(i, 4) != 0 && LinedefSpecials.FindDoom(level.LineField(i, 3)) is { TagsSectors: true });
        level.SetLineField(line, 4, 4321);

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(Untouched.Value, f => f.Check == CheckNames.ActionLineTagUnmatched);
        var finding = Assert.Single(findings, f => f.Check == CheckNames.ActionLineTagUnmatched);
        Assert.Equal((ElementKind.Line, (int?)line), (finding.Element, finding.Index));
        Assert.Contains("tagged 4321", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClearingAnActionLinesTagIsFoundOnThatLine()
    {
        var level = Map01();
        var line = Enumerable.Range(0, level.LineCount).First(i =>
            level.LineField(i, 4) != 0 && LinedefSpecials.FindDoom(level.LineField(i, 3)) is { TagsSectors: true });
        level.SetLineField(line, 4, 0);

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.ActionLineWithoutTag);
        Assert.Equal((ElementKind.Line, (int?)line), (finding.Element, finding.Index));
    }

    [Theory]
    [InlineData(false, FindingSeverity.Major)]
    [InlineData(true, FindingSeverity.Minor)]
    public void AManualDoorOnAOneSidedWallIsMajorWhereVanillaQuitsOnItAndMinorInABoomLevel(bool boom, FindingSeverity expected)
    {
        var level = Map01();
        var (line, _) = LongestOneSidedWallOfStartSector(level);
        level.SetLineField(line, 3, 1);
        if (boom)
        {
            MarkAsBoomLevel(level);
        }

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.DoorOnOneSidedLine);
        Assert.Equal((ElementKind.Line, (int?)line, expected), (finding.Element, finding.Index, finding.Severity));
        Assert.Contains(boom ? "grunt" : "quits vanilla Doom", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, FindingSeverity.Critical)]
    [InlineData(true, FindingSeverity.Major)]
    public void ALineWithoutSidesIsCriticalWhereVanillaCrashesLoadingItAndMajorInABoomLevel(bool boom, FindingSeverity expected)
    {
        var level = Map01();
        var (line, _) = LongestOneSidedWallOfStartSector(level);
        level.SetLineField(line, 5, ushort.MaxValue);
        if (boom)
        {
            MarkAsBoomLevel(level);
        }

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.LineWithoutSides);
        Assert.Equal((ElementKind.Line, (int?)line, expected), (finding.Element, finding.Index, finding.Severity));
        Assert.Contains(boom ? "substitutes sidedef 0" : "crashes loading the level", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, CompatibilityLevel.Boom, FindingSeverity.Major)]
    [InlineData(true, CompatibilityLevel.Vanilla, FindingSeverity.Critical)]
    [InlineData(true, CompatibilityLevel.Mbf21, FindingSeverity.Major)]
    public void ADeclaredCompatibilityDecidesWhoseCrashIsCriticalWhateverTheLevelUses(bool boom, CompatibilityLevel declared, FindingSeverity expected)
    {
        var level = Map01();
        var (line, _) = LongestOneSidedWallOfStartSector(level);
        level.SetLineField(line, 5, ushort.MaxValue);
        if (boom)
        {
            MarkAsBoomLevel(level);
        }

        var wad = WadFile.Read(level.ToWad());
        var read = LevelReader.Read(LevelDirectory.Find(wad).Single());
        var findings = LevelChecker.Check(read, new ResourceSet([WadResources.From(wad), Pipeline.Freedoom2]), options: new CheckOptions { Compatibility = declared });

        var finding = Assert.Single(findings, f => f.Check == CheckNames.LineWithoutSides);
        Assert.Equal(expected, finding.Severity);
        Assert.Contains(declared == CompatibilityLevel.Vanilla ? "crashes loading the level" : "substitutes sidedef 0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingAKeyFromOneSkillIsFoundOnTheDoorsThatNeedIt()
    {
        var (level, keyThing, doors) = FindLevelWithASingleKeyOnAllSkills();
        var untouched = Pipeline.CheckOnly(level);
        var original = level.Thing(keyThing);
        level.SetThing(keyThing, original.X, original.Y, original.Type, (ushort)(original.Flags & ~1));

        var findings = Pipeline.CheckOnly(level);

        Assert.DoesNotContain(untouched, f => f.Check == CheckNames.KeyMissingOnSkill);
        var found = findings.Where(f => f.Check == CheckNames.KeyMissingOnSkill).ToList();
        Assert.Equal(doors.Order(), found.Select(f => f.Index!.Value).Order());
        Assert.All(found, f =>
        {
            Assert.Equal(ElementKind.Line, f.Element);
            Assert.Equal(FindingSeverity.Major, f.Severity);
            Assert.Contains("on easy (skills 1-2) in single player", f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("medium", f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void MakingAMonsterAppearOnNoSkillIsFound()
    {
        var level = Map01();
        var monster = Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == 3004);
        var original = level.Thing(monster);
        level.SetThing(monster, original.X, original.Y, original.Type, (ushort)(original.Flags & ~7));

        var findings = Pipeline.CheckOnly(level);

        var finding = Assert.Single(findings, f => f.Check == CheckNames.ThingOnNoSkill);
        Assert.Equal((ElementKind.Thing, (int?)monster), (finding.Element, finding.Index));
    }

    private static EditableLevel Map01() => new(Fixtures.Freedoom2Data, "MAP01");

    private static Level Read(EditableLevel level) => LevelReader.ReadAll(WadFile.Read(level.ToWad()))[0];

    private static int IndexOfType(EditableLevel level, int type) =>
        Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == type);

    private static (int Line, int Side) LongestOneSidedWallOfStartSector(EditableLevel editable)
    {
        var level = Read(editable);
        var geometry = new LevelGeometry(level);
        var start = level.Things.First(t => t.Type == 1);
        var sector = geometry.SectorAt(start.X, start.Y);
        var line = Enumerable.Range(0, level.Linedefs.Length)
            .Where(i => level.Linedefs[i].BackSide < 0 && level.Sidedefs[level.Linedefs[i].FrontSide].Sector == sector)
            .MaxBy(geometry.Length);
        return (line, level.Linedefs[line].FrontSide);
    }

    // A level where one key thing, on every skill, is the only one that opens some locked doors.
    private static (EditableLevel Level, int KeyThing, List<int> Doors) FindLevelWithASingleKeyOnAllSkills()
    {
        foreach (var entry in LevelDirectory.Find(Fixtures.Freedoom2))
        {
            var level = LevelReader.Read(entry);
            var keys = Enumerable.Range(0, level.Things.Length)
                .Where(i => ThingTypes.Find(level.Things[i].Type)?.Key is not (null or DoomKeys.None) && level.Things[i].InSinglePlayer)
                .ToList();
            foreach (var key in keys)
            {
                var kind = ThingTypes.Find(level.Things[key].Type)!.Key;
                var others = keys.Where(k => k != key).Aggregate(DoomKeys.None, (a, k) => a | ThingTypes.Find(level.Things[k].Type)!.Key);
                var doors = Enumerable.Range(0, level.Linedefs.Length)
                    .Where(i => LinedefSpecials.FindDoom(level.Linedefs[i].Special)?.Keys is { } need &&
                                need.IsSatisfiedBy(kind) && !need.IsSatisfiedBy(others))
                    .ToList();
                if (level.Things[key].Skills == Skills.All && doors.Count > 0)
                {
                    return (new EditableLevel(Fixtures.Freedoom2Data, entry.Name), key, doors);
                }
            }
        }

        throw new InvalidOperationException("No freedoom2 level has a key that alone opens some doors on every skill.");
    }

    // One thing flagged "not in deathmatch" (Boom's 0x20): the level now needs a Boom-compatible port.
    private static void MarkAsBoomLevel(EditableLevel level)
    {
        var thing = level.Thing(0);
        level.SetThing(0, thing.X, thing.Y, thing.Type, (ushort)(thing.Flags | 0x20));
    }
}
