using System.Globalization;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Where a line special or a boss death leaves the floors and ceilings it moves, worked out as Doom's EV_ functions do
/// when they start their thinkers (p_doors.c, p_floor.c, p_plats.c, p_ceilng.c, p_spec.c): every target is read from
/// the heights at that moment. Floors and rising ceilings travel at their speed (<see cref="PlaneChange.Travel"/>); the others
/// are taken to move at once. Which special moves what comes from
/// the <see cref="SectorMoves"/> table; the heights are computed here.
/// </summary>
internal sealed class PlaneMover
{
    // A door that closes, waits 30 s (TICRATE * 30) and opens again.
    private const int CloseWaitTics = 35 * 30;

    // Textures are not read here, so "raise by the shortest lower texture" may end anywhere up to this high.
    private const double TallestLowerTexture = 128;

    private readonly Level _level;
    private readonly SectorPlanes _planes;
    private readonly AssumptionLog _assumptions;
    private readonly Lazy<HashSet<int>> _reopenable;

    // Each sector's raise by its shortest lower texture (a scan of every line), worked out when a move first needs it.
    private readonly Dictionary<int, (int Low, int High)?> _textureRaises = [];

    public PlaneMover(Level level, SectorPlanes planes, AssumptionLog assumptions)
    {
        _level = level;
        _planes = planes;
        _assumptions = assumptions;
        _reopenable = new Lazy<HashSet<int>>(Reopenable);
    }

    /// <summary>The plane changes a player setting off the line makes, in the order Doom starts them.</summary>
    public List<PlaneChange> ForLine(int lineIndex, LineRule rule)
    {
        var changes = new List<PlaneChange>();
        // A line whose script makes one sector move moves as that special would (ScriptedLines).
        var line = ScriptedLines.Effective(_level, _level.Linedefs[lineIndex]);
        var source = $"line {lineIndex} ({rule.Name})";
        var doom = _level.UsesDoomSpecials;
        var move = doom ? SectorMoves.FindDoom(line.Special) : SectorMoves.FindHexen(line.Special, line.Args);
        var tag = doom ? line.Tag : line.Args.Arg0;

        // D lines act on the sector behind the line, as EV_VerticalDoor does; so does any Hexen-numbered special without a
        // tag (GZDoom's FSectorTagIterator: tag 0 and a line is the line's back sector), not every untagged sector.
        var manual = doom ? LinedefSpecials.FindDoom(line.Special)?.Trigger == LineTrigger.Door : tag == 0;
        var sectors = manual ? Behind(lineIndex) : Tagged(tag);
        if (!doom && !manual)
        {
            // A script's same move on more tags (ScriptedLines.MoreTags), after the move's own tag.
            sectors.AddRange(ScriptedLines.MoreTags(_level, _level.Linedefs[lineIndex]).SelectMany(Tagged).Where(s => !sectors.Contains(s)));
        }

        Move(lineIndex, line, move, sectors, rule, source, changes);
        return changes;
    }

    /// <summary>
    /// The plane changes a Hexen-numbered special a dying thing runs (its UDMF or Hexen thing special) makes: there is no
    /// line, so a tag of 0 moves nothing. A special <see cref="SectorMoves"/> does not model moves nothing here.
    /// </summary>
    public List<PlaneChange> ForThingSpecial(int special, SpecialArgs args, string source)
    {
        var changes = new List<PlaneChange>();
        if (args.Arg0 != 0 && SectorMoves.FindHexen(special, args) is { } move)
        {
            var line = new Linedef(0, 0, LinedefFlags.None, special, 0, 0, args, LineActivation.None, -1, -1);
            Move(-1, line, move, Tagged(args.Arg0), null, source, changes);
        }

        return changes;
    }

    // Starts the move in each sector, in order (lineIndex -1: no line).
    private void Move(int lineIndex, in Linedef line, SectorMove? move, List<int> sectors, LineRule? rule, string source, List<PlaneChange> changes)
    {
        var moved = new HashSet<int>();
        foreach (var sector in sectors)
        {
            if (_planes.Busy[sector] || moved.Contains(sector))
            {
                // "ALREADY MOVING? IF SO, KEEP GOING..."
                continue;
            }

            if (move is null)
            {
                Unmodelled(line, rule!, sector, source, changes);
                continue;
            }

            switch (move.Kind)
            {
                case MoveKind.Permanent:
                    Permanent(lineIndex, line, move, sector, source, changes);
                    break;
                case MoveKind.Cycle:
                    Cycle(lineIndex, move, sector, source, changes);
                    break;
                case MoveKind.Stairs:
                    if (move.BySpecials)
                    {
                        StairsBySpecials(move, sector, source, moved, changes);
                    }
                    else
                    {
                        Stairs(line.Special, move, sector, source, moved, changes);
                    }

                    break;
                case MoveKind.Donut:
                    Donut(sector, source, moved, changes);
                    break;
            }

            moved.Add(sector);
        }
    }

    /// <summary>A_BossDeath, A_KeenDie: what an assumed boss death does to the sectors with its tag.</summary>
    public List<PlaneChange> ForBoss(BossDeathAction action, string source)
    {
        var changes = new List<PlaneChange>();
        foreach (var sector in Tagged(action.Tag ?? -1))
        {
            switch (action.Effect)
            {
                case BossEffect.LowerFloor:
                    var lowest = _planes.LowestFloorSurrounding(sector);
                    changes.Add(new PlaneChange(sector, false, HeightRange.At(lowest), lowest, 0, source));
                    break;
                case BossEffect.RaiseFloor:
                    changes.Add(RaiseByTexture(sector, source));
                    break;
                case BossEffect.OpenDoor when _planes.LowestCeilingSurrounding(sector) is { } ceiling:
                    changes.Add(new PlaneChange(sector, true, HeightRange.At(ceiling - 4), ceiling - 4, 0, source));
                    break;
            }
        }

        return changes;
    }

    private List<int> Behind(int lineIndex) => _planes.BackSector(lineIndex) is var back and >= 0 ? [back] : [];

    /// <summary>P_FindSectorFromLineTag: every sector with the tag, in index order (tag 0 included, as vanilla does).</summary>
    private List<int> Tagged(int tag)
    {
        var result = new List<int>();
        for (var s = 0; s < _level.Sectors.Length; s++)
        {
            if (_level.Sectors[s].HasTag(tag))
            {
                result.Add(s);
            }
        }

        return result;
    }

    private void Permanent(int lineIndex, in Linedef line, SectorMove move, int sector, string source, List<PlaneChange> changes)
    {
        if (move.Target == MoveTarget.ShortestLowerTexture && !(TextureRaise(sector) is { } raise && raise.Low == raise.High))
        {
            changes.Add(RaiseByTexture(sector, source));
            return;
        }

        var target = Target(lineIndex, move, sector);
        if (target is not { } height)
        {
            return;
        }

        if (move.ClearsSpecial)
        {
            _planes.ClearSpecial(sector);
        }

        if (move.Target == MoveTarget.DoorOpen && ClosesAgain(line))
        {
            if (ShutForGood(line, move, sector, height, source) is { } door)
            {
                _planes.Busy[sector] = true;
                changes.AddRange(door.Changes(sector, _planes.CeilingRest(sector)));
                return;
            }

            _assumptions.Add($"door of sector {sector} ({source}) assumed to stay open (it closes again after its wait)");
        }

        if (move.Elevator)
        {
            // EV_DoElevator: the ceiling travels with the floor at its speed, the sector keeping its height.
            var (floor, ceiling) = (_planes.FloorRest(sector), _planes.CeilingRest(sector));
            changes.AddRange(PlaneChange.Travel(sector, false, floor, height, move.UnitsPerTic, source));
            changes.AddRange(PlaneChange.Travel(sector, true, ceiling, ceiling + (height - floor), move.UnitsPerTic, source));
            return;
        }

        // T_MovePlane moves a plane its speed a tic: a body stepping onto a floor on its way, or under a ceiling on its
        // way up, meets the height of that tic, not the one it ends at. Ceilings coming down move at once; a plane closing
        // on a body is held back by it (PlaneChanges).
        var from = move.Ceiling ? _planes.CeilingRest(sector) : _planes.FloorRest(sector);
        if ((move.Ceiling ? height > from : height != from) && move.Speed < SectorMove.InstantSpeed)
        {
            changes.AddRange(PlaneChange.Travel(sector, move.Ceiling, from, height, move.UnitsPerTic, source));
            return;
        }

        changes.Add(new PlaneChange(sector, move.Ceiling, HeightRange.At(height), height, 0, source));
    }

    // A door that opens, waits and closes where nothing can open it again (no repeatable line opens it, no door line on
    // its sides): once shut it stays shut, so it is played shut. A door a player can open again is taken to stay open.
    private DoorCycle? ShutForGood(in Linedef line, SectorMove move, int sector, double open, string source)
    {
        if (DoorWait(line) is not { } wait || _reopenable.Value.Contains(sector))
        {
            return null;
        }

        var floor = _planes.FloorRest(sector);
        return new DoorCycle(open, floor, move.UnitsPerTic, wait, move.TravelTics((int)Math.Ceiling(open - floor)), source);
    }

    // VDOORWAIT for vanilla's doors and Boom's locked ones; Boom's generalised doors wait 1, 4, 9 or 30 s (EV_DoGenDoor).
    // Hexen's numbering (p_lnspec.cpp): Door_Raise's and Door_LockedRaise's delay is in tics, Generic_Door's in eighths of
    // a second.
    private int? DoorWait(in Linedef line) => (_level.UsesDoomSpecials, line.Special) switch
    {
        (true, >= GeneralizedRanges.DoorBase and < 0x4000) => ((line.Special >> 8) & 3) switch { 0 => 35, 1 => 150, 2 => 300, _ => 1050 },
        (true, < GeneralizedRanges.DoorBase) => 150,
        (false, 12 or 13) => line.Args.Arg2,
        (false, 202) => line.Args.Arg3 * 35 / 8,
        _ => null,
    };

    // Sectors a player can open again: those a repeatable line's ceiling move acts on, and doors with a D line on a side.
    private HashSet<int> Reopenable() => _level.UsesDoomSpecials ? ReopenableInDoom() : ReopenableInHexen();

    private HashSet<int> ReopenableInDoom()
    {
        var result = new HashSet<int>();
        for (var i = 0; i < _level.Linedefs.Length; i++)
        {
            var line = _level.Linedefs[i];
            if (LinedefSpecials.FindDoom(line.Special) is not { } info || SectorMoves.FindDoom(line.Special) is not { Ceiling: true })
            {
                continue;
            }

            if (info.Trigger == LineTrigger.Door)
            {
                // A D1 line too, while unused: it opens the door behind it, from the side the body stands on.
                result.UnionWith(Behind(i));
            }
            else if (info.Repeatable)
            {
                result.UnionWith(Tagged(line.Tag));
            }
        }

        return result;
    }

    // In Hexen's numbering: a line's repeatable ceiling move on its tag, a line's untagged one on the sector behind it
    // (GZDoom's manual doors, used or not), a thing's special (a death may come at any time); and every sector when the
    // map's scripts may move one (ScriptedLines.AllHarmless).
    private HashSet<int> ReopenableInHexen()
    {
        var result = new HashSet<int>();
        if (!ScriptedLines.AllHarmless(_level))
        {
            result.UnionWith(Enumerable.Range(0, _level.Sectors.Length));
            return result;
        }

        for (var i = 0; i < _level.Linedefs.Length; i++)
        {
            var line = ScriptedLines.Effective(_level, _level.Linedefs[i]);
            if (SectorMoves.FindHexen(line.Special, line.Args) is not { Ceiling: true })
            {
                continue;
            }

            if (line.Args.Arg0 == 0)
            {
                result.UnionWith(Behind(i));
            }
            else if (line.Activation.HasFlag(LineActivation.Repeatable))
            {
                result.UnionWith(Tagged(line.Args.Arg0));
            }
        }

        foreach (var thing in _level.Things)
        {
            if (thing.Special != 0 && SectorMoves.FindHexen(thing.Special, thing.Args) is { Ceiling: true })
            {
                result.UnionWith(Tagged(thing.Args.Arg0));
            }
        }

        return result;
    }

    private void Cycle(int lineIndex, SectorMove move, int sector, string source, List<PlaneChange> changes)
    {
        var rest = _planes.FloorRest(sector);
        double low, high;
        if (move.Perpetual)
        {
            // EV_DoPlat perpetualRaise: between the lowest floor around (plus GZDoom's lip) and the highest, for good.
            low = Math.Min(_planes.LowestFloorSurrounding(sector) + move.Offset, rest);
            high = Math.Max(_planes.HighestFloorSurrounding(sector), rest);
            _planes.Busy[sector] = true;
        }
        else
        {
            // Lifts go to their low end, wait and come back to where they were. The low end is read from the heights when
            // the lift is set off, and a lift beside it may be anywhere in its range then.
            var target = Target(lineIndex, move, sector) ?? rest;
            if (move.Target == MoveTarget.LowestNeighbourFloor)
            {
                target = Math.Min(target, _planes.LowestFloorSurroundingAtLowest(sector) + move.Offset);
            }

            low = Math.Min(target, rest);
            high = Math.Max(target, rest);
        }

        changes.Add(new PlaneChange(sector, false, new HeightRange(low, high), rest, 0, source));
        if (!move.IsTimedLift)
        {
            _assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                $"lift of sector {sector} ({source}) assumed at any height from {low:0.##} to {high:0.##} at any time"));
            return;
        }

        // T_PlatRaise: down, the wait, up again, and back at rest; a call on its way meanwhile does nothing (the sector has
        // its thinker). Where in its travel it is at a tic is not worked out: anywhere in the range until it is back.
        var cycle = move.CycleTics((int)Math.Ceiling(high - low));
        _planes.Busy[sector] = true;
        changes.Add(new PlaneChange(sector, false, HeightRange.At(rest), rest, cycle, source + ", back at rest", Frees: true));
        _assumptions.Add(string.Create(CultureInfo.InvariantCulture,
            $"lift of sector {sector} ({source}) assumed at any height from {low:0.##} to {high:0.##} for the {cycle} tics until it is back at rest"));
    }

    // EV_BuildStairs: each next step is the sector behind a two-sided line whose front faces the current step, with the
    // same floor flat; the height grows for every candidate, even one already moving (vanilla's order of statements).
    private void Stairs(int special, SectorMove move, int first, string source, HashSet<int> moved, List<PlaneChange> changes)
    {
        var size = move.Amount;
        var ignoreTexture = special is >= 0x3000 and < 0x3400 && (special & 0x200) != 0;
        var sector = first;
        var height = _planes.FloorRest(sector) + size;
        var flat = _level.Sectors[sector].FloorFlat;
        changes.AddRange(Step(sector, height, move, source));
        moved.Add(sector);
        for (var next = true; next;)
        {
            next = false;
            foreach (var line in _planes.LinesOf(sector))
            {
                if (!_level.Linedefs[line].HasFlag(LinedefFlags.TwoSided) || _planes.FrontSector(line) != sector)
                {
                    continue;
                }

                var step = _planes.BackSector(line);
                if (step < 0 || (!ignoreTexture && _level.Sectors[step].FloorFlat != flat))
                {
                    continue;
                }

                height += size;
                if (moved.Contains(step) || _planes.Busy[step])
                {
                    continue;
                }

                sector = step;
                moved.Add(step);
                changes.AddRange(Step(step, height, move, source));
                next = true;
                break;
            }
        }

        _assumptions.Add($"stairs built by {source} follow the level's original floor flats");
    }

    // A step of a stair travels to its height at the stair's speed (T_MoveFloor), every step at once from the call.
    private IEnumerable<PlaneChange> Step(int sector, double height, SectorMove move, string source) =>
        PlaneChange.Travel(sector, false, _planes.FloorRest(sector), height, move.UnitsPerTic, source);

    // EV_BuildStairs with Hexen's use-specials flag: each next step is the first neighbour not yet taken whose sector
    // special is the other stairs special (P_NextSpecialSectorVC); a step already moving is passed over, its height counted.
    private void StairsBySpecials(SectorMove move, int first, string source, HashSet<int> moved, List<PlaneChange> changes)
    {
        var size = move.Amount;
        var taken = new HashSet<int> { first };
        var height = _planes.FloorRest(first) + size;
        changes.AddRange(Step(first, height, move, source));
        moved.Add(first);
        for (var sector = first; ;)
        {
            var wanted = SectorMove.NextStairsSpecial(_planes.Special(sector));
            var next = -1;
            foreach (var line in _planes.LinesOf(sector))
            {
                var other = _planes.FrontSector(line) == sector ? _planes.BackSector(line) : _planes.FrontSector(line);
                if (other >= 0 && (_planes.Special(other) & 0xFF) == wanted && !taken.Contains(other))
                {
                    next = other;
                    break;
                }
            }

            if (next < 0)
            {
                break;
            }

            taken.Add(next);
            height += size;
            sector = next;
            if (!moved.Contains(next) && !_planes.Busy[next])
            {
                moved.Add(next);
                changes.AddRange(Step(next, height, move, source));
            }
        }

        _assumptions.Add($"stairs built by {source} follow the level's original stairs specials");
    }

    // EV_DoDonut: the ring (across the pillar's first line) rises, and the pillar lowers, to the floor behind the ring's
    // first line whose back sector is not the pillar.
    private void Donut(int pillar, string source, HashSet<int> moved, List<PlaneChange> changes)
    {
        var pillarLines = _planes.LinesOf(pillar);
        var ring = pillarLines.Length > 0 ? _planes.NextSector(pillarLines[0], pillar) : -1;
        if (ring < 0)
        {
            return;
        }

        foreach (var line in _planes.LinesOf(ring))
        {
            var outer = _planes.BackSector(line);
            if (outer == pillar)
            {
                continue;
            }

            if (outer < 0)
            {
                // Vanilla reads past the line here; what it finds is not modelled.
                _assumptions.Add($"donut of sector {pillar} ({source}) assumed not to move: its ring's line {line} has no back side");
                return;
            }

            var height = _planes.FloorRest(outer);
            changes.Add(new PlaneChange(ring, false, HeightRange.At(height), height, 0, source));
            changes.Add(new PlaneChange(pillar, false, HeightRange.At(height), height, 0, source));
            moved.Add(ring);
            return;
        }
    }

    private void Unmodelled(in Linedef line, LineRule rule, int sector, string source, List<PlaneChange> changes)
    {
        if (CloseWaitOpenSpeed(line) is { } speed)
        {
            // vld_close30ThenOpen: shut now, open again to the old ceiling 30 s after reaching the floor.
            var floor = _planes.FloorRest(sector);
            var ceiling = _planes.Ceiling(sector);
            var travel = (int)Math.Ceiling((_planes.CeilingRest(sector) - floor) / speed);
            changes.Add(new PlaneChange(sector, true, HeightRange.At(floor), floor, 0, source));
            changes.Add(new PlaneChange(sector, true, ceiling, _planes.CeilingRest(sector), travel + CloseWaitTics, source + ", reopening"));
            return;
        }

        if (rule.Effect == LineEffect.Crusher && !IsStop(line))
        {
            _planes.Busy[sector] = true;
            _assumptions.Add($"crusher of sector {sector} ({source}) assumed up whenever the body passes under it");
        }
        else if (rule.Effect == LineEffect.Platform && IsStop(line))
        {
            _assumptions.Add($"platform of sector {sector} stopped by {source} assumed anywhere between its two floors");
        }
    }

    private double? Target(int lineIndex, SectorMove move, int sector)
    {
        var floor = _planes.FloorRest(sector);
        var ceiling = _planes.CeilingRest(sector);
        var lowestCeiling = _planes.LowestCeilingSurrounding(sector);
        return move.Target switch
        {
            MoveTarget.ByAmount => (move.Ceiling ? ceiling : floor) + move.Amount,
            MoveTarget.Absolute => move.Amount,
            MoveTarget.ShortestLowerTexture => floor + TextureRaise(sector)?.Low,
            _ => FoundTarget(lineIndex, move, sector, floor, ceiling, lowestCeiling) + move.Offset,
        };
    }

    // A target found from the heights around (to which the move's lip or gap is added).
    private double? FoundTarget(int lineIndex, SectorMove move, int sector, double floor, double ceiling, double? lowestCeiling) => move.Target switch
    {
        MoveTarget.LowestNeighbourFloor => _planes.LowestFloorSurrounding(sector),
        MoveTarget.HighestNeighbourFloor => _planes.HighestFloorSurrounding(sector),
        MoveTarget.HighestNeighbourFloorAdjusted => _planes.HighestFloorSurrounding(sector) is var h && h != floor ? h + move.Amount : h,
        MoveTarget.NextHigherFloor => _planes.NextHighestFloor(sector, floor),
        MoveTarget.NextLowerFloor => _planes.NextLowestFloor(sector, floor),
        MoveTarget.LowestNeighbourCeiling when move.Ceiling => lowestCeiling,
        MoveTarget.LowestNeighbourCeiling => Math.Min(lowestCeiling ?? ceiling, ceiling),
        MoveTarget.LowestNeighbourCeilingMinus8 => Math.Min(lowestCeiling ?? ceiling, ceiling) - 8,
        MoveTarget.HighestNeighbourCeiling => _planes.HighestCeilingSurrounding(sector),
        MoveTarget.OwnFloor => floor,
        MoveTarget.OwnFloorPlus8 => floor + 8,
        MoveTarget.OwnCeiling => ceiling,
        MoveTarget.LineFrontFloor => lineIndex >= 0 && _planes.FrontSector(lineIndex) is var front and >= 0 ? _planes.FloorRest(front) : null,
        MoveTarget.DoorOpen => lowestCeiling - 4,
        _ => null,
    };

    // The raise by the shortest lower texture in the ports that play the level: one height, or Doom's and Boom's when a
    // level either plays differs by them (a side with no lower texture is texture 0 in one, skipped in the other); null
    // when a height is not known.
    private (int Low, int High)? TextureRaise(int sector)
    {
        if (!_textureRaises.TryGetValue(sector, out var raise))
        {
            var (doom, boom) = ShortestLowerTexture.Around(_level, sector);
            raise = ShortestLowerTexture.PlaysByBoomsRule(_level) ? boom is { } b ? (b, b) : null
                : doom is { } d && boom is { } o ? (Math.Min(d, o), Math.Max(d, o)) : null;
            _textureRaises[sector] = raise;
        }

        return raise;
    }

    private PlaneChange RaiseByTexture(int sector, string source)
    {
        var floor = _planes.FloorRest(sector);
        var raise = TextureRaise(sector);
        var top = floor + (raise?.High ?? TallestLowerTexture);
        _assumptions.Add(string.Create(CultureInfo.InvariantCulture,
            $"floor of sector {sector} raised by its shortest lower texture ({source}): {(raise is null ? "its textures' heights are not known" : "Doom's and Boom's rules differ")}, any height from {floor:0.##} to {top:0.##} accepted"));
        return new PlaneChange(sector, false, new HeightRange(floor, top), floor, 0, source);
    }

    // Doors that open, wait and close again (vld_normal, vld_blazeRaise; Boom's generalised kind 0; Hexen's raise doors).
    private bool ClosesAgain(in Linedef line)
    {
        if (!_level.UsesDoomSpecials)
        {
            // Door_Raise; Door_LockedRaise with a delay (without one it stays open); Generic_Door's kind 0.
            return line.Special switch
            {
                12 => true,
                13 => line.Args.Arg2 != 0,
                202 => (line.Args.Arg2 & 63) == 0,
                _ => false,
            };
        }

        var special = line.Special;
        return special switch
        {
            1 or 4 or 26 or 27 or 28 or 29 or 63 or 90 or 105 or 108 or 111 or 114 or 117 => true,
            >= 0x3C00 and < 0x4000 => ((special >> 5) & 3) == 0,
            >= 0x3800 and < 0x3C00 => (special & 0x20) == 0,
            _ => false,
        };
    }

    private double? CloseWaitOpenSpeed(in Linedef line)
    {
        if (!_level.UsesDoomSpecials)
        {
            return line.Special == 249 ? Math.Max(1, line.Args.Arg1 / 8.0) : null;
        }

        var special = line.Special;
        return special switch
        {
            16 or 76 or 175 or 196 => 2,
            >= 0x3C00 and < 0x4000 when ((special >> 5) & 3) == 2 => 2 << ((special >> 3) & 3),
            _ => null,
        };
    }

    private bool IsStop(in Linedef line) => _level.UsesDoomSpecials
        ? line.Special is 54 or 57 or 74 or 89 or 163 or 168 or 182 or 188
        : line.Special is 44 or 61;
}
