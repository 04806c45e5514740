using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// What each line and sector of a level is, for drawing: read from the Doom library's special tables and the level's
/// metadata (exits), never from tables of its own.
/// </summary>
internal sealed class LevelFeatures
{
    /// <summary>The highest step a player climbs (Doom's 24 units).</summary>
    public const int MaxStep = 24;

    private LevelFeatures(LineKind[] lines, DoomKeys[] lineKeys, SectorKind[] sectors)
    {
        Lines = lines;
        LineKeys = lineKeys;
        Sectors = sectors;
    }

    public LineKind[] Lines { get; }

    /// <summary>For <see cref="LineKind.LockedDoor"/> lines, the keys that open the door.</summary>
    public DoomKeys[] LineKeys { get; }

    public SectorKind[] Sectors { get; }

    public static LevelFeatures Classify(Level level, LevelGeometry geometry, LevelMetadata metadata)
    {
        var sectors = new SectorKind[level.Sectors.Length];
        var sectorKeys = new DoomKeys[level.Sectors.Length];
        var lines = new LineKind?[level.Linedefs.Length];
        var lineKeys = new DoomKeys[level.Linedefs.Length];
        var byTag = level.Sectors.Select((sector, index) => (sector.Tag, index)).Where(s => s.Tag != 0)
            .GroupBy(s => s.Tag).ToDictionary(g => g.Key, g => g.Select(s => s.index).ToList());

        void Mark(int sector, SectorKind kind)
        {
            if (kind > sectors[sector])
            {
                sectors[sector] = kind;
            }
        }

        for (var s = 0; s < level.Sectors.Length; s++)
        {
            var info = level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(level.Sectors[s].Special) : SectorSpecials.DescribeZDoom(level.Sectors[s].Special);
            Mark(s, info.EndsLevel ? SectorKind.Exit : info.Damage > 0 ? SectorKind.Damaging : info.Secret ? SectorKind.Secret : SectorKind.Floor);
        }

        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            if (line.Special == 0)
            {
                continue;
            }

            var info = level.UsesDoomSpecials ? LinedefSpecials.FindDoom(line.Special) : LinedefSpecials.FindHexen(line.Special);
            switch (info?.Effect)
            {
                case LineEffect.Door or LineEffect.LockedDoor:
                    var keys = KeysOf(level, line, info);
                    lines[i] = keys == DoomKeys.None ? LineKind.Door : LineKind.LockedDoor;
                    lineKeys[i] = keys;
                    foreach (var sector in Targets(level, line, info, byTag))
                    {
                        Mark(sector, SectorKind.Door);
                        sectorKeys[sector] |= keys;
                    }

                    break;
                case LineEffect.Lift or LineEffect.Platform:
                    lines[i] = LineKind.Lift;
                    foreach (var sector in Targets(level, line, info, byTag))
                    {
                        Mark(sector, SectorKind.Lift);
                    }

                    break;
                case LineEffect.Teleport or LineEffect.LineTeleport:
                    lines[i] = LineKind.Teleport;
                    break;
            }
        }

        // Doors the engine opens when a boss type dies (E4M6's tag 666, Commander Keen's).
        if (level.UsesDoomSpecials)
        {
            foreach (var action in BossDeathActions.For(level))
            {
                if (action is { Effect: BossEffect.OpenDoor, Tag: { } tag } && byTag.TryGetValue(tag, out var tagged))
                {
                    tagged.ForEach(s => Mark(s, SectorKind.Door));
                }
            }
        }

        foreach (var exit in metadata.Exits)
        {
            if (exit.LineIndex is { } line)
            {
                lines[line] = exit.Kind == ExitKind.Secret ? LineKind.SecretExit : LineKind.Exit;
            }

            if (exit.SectorIndex is { } sector)
            {
                Mark(sector, SectorKind.Exit);
            }
        }

        var kinds = new LineKind[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] is { } special)
            {
                kinds[i] = special;
                continue;
            }

            var line = level.Linedefs[i];
            if (line.FrontSide < 0 || line.BackSide < 0)
            {
                kinds[i] = LineKind.Wall;
                continue;
            }

            var front = level.Sidedefs[line.FrontSide].Sector;
            var back = level.Sidedefs[line.BackSide].Sector;
            var doorKeys = sectors[front] == SectorKind.Door ? sectorKeys[front] : sectors[back] == SectorKind.Door ? sectorKeys[back] : DoomKeys.None;
            if (front != back && (sectors[front] == SectorKind.Door || sectors[back] == SectorKind.Door))
            {
                // The faces of a door: in its key's colour when a locked line opens it.
                kinds[i] = MapPalette.OfKey(doorKeys) is null ? LineKind.Door : LineKind.LockedDoor;
                lineKeys[i] = doorKeys;
            }
            else if (front != back && (sectors[front] == SectorKind.Lift || sectors[back] == SectorKind.Lift))
            {
                kinds[i] = LineKind.Lift;
            }
            else
            {
                var step = Math.Abs(level.Sectors[front].FloorHeight - level.Sectors[back].FloorHeight);
                kinds[i] = step == 0 ? LineKind.Level : step <= MaxStep ? LineKind.Step : LineKind.HighStep;
            }
        }

        return new LevelFeatures(kinds, lineKeys, sectors);
    }

    /// <summary>The keys a door line needs: from the special's table entry, or a Hexen/ZDoom lock argument.</summary>
    private static DoomKeys KeysOf(Level level, Linedef line, LinedefSpecialInfo info)
    {
        var requirement = info.Keys;
        if (requirement is null && !level.UsesDoomSpecials)
        {
            // Door_LockedRaise names its lock in arg 3, Generic_Door in arg 4.
            requirement = line.Special switch
            {
                13 => LinedefSpecials.HexenLock(line.Args.Arg3),
                202 => LinedefSpecials.HexenLock(line.Args.Arg4),
                _ => null,
            };
        }

        return requirement is { Groups.Count: > 0 } ? requirement.Groups.Aggregate((a, b) => a | b) : DoomKeys.None;
    }

    /// <summary>
    /// The sectors a door or lift line moves: the sector behind a manual (D) line, or the tagged sectors. Hexen/ZDoom
    /// specials carry the tag in arg 0, where 0 means the sector behind the line.
    /// </summary>
    private static IEnumerable<int> Targets(Level level, Linedef line, LinedefSpecialInfo info, Dictionary<int, List<int>> byTag)
    {
        var tag = level.UsesDoomSpecials ? (info.Trigger == LineTrigger.Door ? 0 : info.TagsSectors && line.Tag != 0 ? line.Tag : -1) : line.Args.Arg0;
        if (tag == 0)
        {
            return line.BackSide >= 0 ? [level.Sidedefs[line.BackSide].Sector] : [];
        }

        return tag > 0 && byTag.TryGetValue(tag, out var tagged) ? tagged : [];
    }
}
