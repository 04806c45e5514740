using System.Globalization;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <content>Walking paths tic by tic, and what happens on the way: pickups, lines set off, teleports, damage, exits.</content>
internal sealed partial class ExplorationRun
{
    private enum Walk
    {
        Arrived,

        /// <summary>Cut short by something that changed the level or moved the body (a teleport, a line set off).</summary>
        Interrupted,

        /// <summary>The path could not be followed.</summary>
        Blocked,
    }

    private bool TryTrip(Goal goal, bool requireReturn)
    {
        // Searches that found nothing find nothing again until heights or keys change (targets only get used up).
        var cached = requireReturn && goal is Goal.Progress or Goal.Explore;
        var bit = 1 << (int)goal;
        if (cached && (exhausted & bit) != 0)
        {
            return false;
        }

        if (Search(goal, requireReturn) is not { } target)
        {
            if (cached)
            {
                exhausted |= bit;
            }

            return false;
        }

        var walk = WalkTo(target.Cell);
        if (walk == Walk.Arrived && !ExitReached && !Died)
        {
            Finish(target);
        }

        // A walk cut short by a teleport or a moving sector is planned again; otherwise the target is dealt with.
        if (walk != Walk.Interrupted)
        {
            switch (target.Kind)
            {
                case TargetKind.Pickup:
                    thingDone[target.Aux] = true;
                    break;
                case TargetKind.Use or TargetKind.Gun when !ExitReached:
                    activated[target.Aux] = true;
                    break;
                case TargetKind.Coverage:
                    MarkVisited(target.Cell);
                    break;
            }
        }

        if (!dirty && !InReturn(cell))
        {
            dirty = true;
        }

        return true;
    }

    private Walk WalkTo(int goal)
    {
        interrupted = false;
        foreach (var (next, direction) in PathTo(goal))
        {
            // A path's step that neither walks nor teleports there is a running jump.
            var moved = next == Step(cell, direction, allowExit: false) ? StepOnce(direction) : JumpOnce(direction, next);
            if (cell == goal)
            {
                return Walk.Arrived;
            }

            if (!moved || cell != next)
            {
                return interrupted || ExitReached || Died ? Walk.Interrupted : Walk.Blocked;
            }
        }

        return cell == goal ? Walk.Arrived : Walk.Blocked;
    }

    private void Finish(Target target)
    {
        switch (target.Kind)
        {
            case TargetKind.Use or TargetKind.Gun:
                Wait(1);
                Activate(model.Actions[target.Aux]!);
                break;
            case TargetKind.Cross:
                StepOnce(target.Aux, allowExit: true);
                break;
            case TargetKind.ExitSector:
                // Stand in the exit sector until its damage brings health to 10 or less.
                for (var guard = 0; guard < 200 && !ExitReached && !Died; guard++)
                {
                    Wait(32 - (lastTick % 32));
                }

                break;
            case TargetKind.Boss:
                EndLevel(null, secret: false, "assumed boss death: the agent reached a spot in view of the boss that ends the level");
                break;
        }
    }

    /// <summary>One step of the body from its cell in a direction; false when the walk must stop (state changed, teleport, exit, death).</summary>
    private bool StepOnce(int direction, bool allowExit = false)
    {
        var from = cell;
        var to = from + grid.Offsets[direction];
        if (!grid.CanMove(from, to, liftConfig))
        {
            if (!grid.CanMove(from, to, 1 - liftConfig))
            {
                return false;
            }

            // The lift has to come to the body first.
            Wait(LiftRideTics);
            liftConfig = 1 - liftConfig;
        }

        var crossed = model.Crossings(from, direction);
        if (!allowExit && crossed is not null)
        {
            foreach (var (line, _) in crossed)
            {
                if (model.Actions[line]!.Exit)
                {
                    return false;
                }
            }
        }

        angle = direction * 45;
        var length = (direction & 1) == 0 ? grid.CellSize : grid.CellSize * Math.Sqrt(2);
        Advance(from, to, length / Speed);
        if (Died || ExitReached)
        {
            return false;
        }

        cell = to;
        Trail[to] = true;
        MarkVisited(to);
        var keepGoing = true;
        if (crossed is not null)
        {
            foreach (var (line, frontToBack) in crossed)
            {
                var action = model.Actions[line]!;
                if (action.Teleport)
                {
                    if (frontToBack && action.TeleportThing >= 0 && (action.Repeatable || !activated[line]))
                    {
                        Teleport(action);
                        return false;
                    }

                    continue;
                }

                if (!activated[line] && Activate(action))
                {
                    keepGoing = false;
                }
            }
        }

        PickUp(cell);
        return keepGoing && !ExitReached && !Died;
    }

    private void Teleport(LineAction action)
    {
        activated[action.Line] = true;
        var destination = model.Level.Things[action.TeleportThing];
        Add(Event(ExplorerEventKind.Teleport, cell) with
        {
            Line = action.Line,
            ToX = destination.X,
            ToY = destination.Y,
            Detail = action.Name,
        });
        cell = action.TeleportCell;
        angle = destination.Angle;
        Trail[cell] = true;
        MarkVisited(cell);
        Wait(TeleportFreezeTics);
        PickUp(cell);
        dirty = true;
        interrupted = true;
    }

    /// <summary>Sets a line off: exits end the level, moves change sector heights. True when something changed.</summary>
    private bool Activate(LineAction action)
    {
        if (action.Keys is { } needed && !needed.IsSatisfiedBy(keys))
        {
            return false;
        }

        activated[action.Line] = true;
        Add(Event(ExplorerEventKind.LineActivated, cell) with { Line = action.Line, Detail = action.Name });
        if (action.Exit)
        {
            EndLevel(action.Line, action.SecretExit, action.Name);
            return true;
        }

        if (action.Crusher)
        {
            CrushBosses(action);
            return ExitReached;
        }

        if (action.Move is not { } move || action.Sectors.Length == 0)
        {
            return false;
        }

        ref readonly var line = ref model.Level.Linedefs.ItemRef(action.Line);
        int? frontSector = line.FrontSide < 0 ? null : model.Level.Sidedefs[line.FrontSide].Sector;
        var travel = ApplyMoves(move, action.Sectors, frontSector);
        if (travel < 0)
        {
            return false;
        }

        // A player waits at a door or switch for what it moves (not on a damaging floor); walk-over lines are passed at full speed.
        var sector = grid.CenterSector[cell];
        if (action.Trigger is LineTrigger.Door or LineTrigger.Switch && (sector < 0 || !sectorDamaging[sector]))
        {
            Wait(Math.Min(travel / Math.Max(1, move.Speed), 140));
        }

        return true;
    }

    /// <summary>Moves sectors; returns the largest distance a plane travelled, or -1 when nothing moved.</summary>
    private int ApplyMoves(SectorMove move, IReadOnlyList<int> sectors, int? frontSector)
    {
        changes.Clear();
        foreach (var sector in sectors)
        {
            Heights.Plan(move, sector, frontSector, changes);
        }

        var travel = -1;
        foreach (var change in changes)
        {
            var s = change.Sector;
            var delta = Math.Max(Math.Abs(change.Low - Heights.FloorLow[s]), Math.Max(Math.Abs(change.High - Heights.FloorHigh[s]), Math.Abs(change.Ceiling - Heights.Ceiling[s])));
            if (delta == 0 && change.Special == Heights.Special[s])
            {
                continue;
            }

            var closing = change.Ceiling < Heights.Ceiling[s] || change.Low > Heights.FloorLow[s];
            Heights.Apply(change);
            UpdateSectorDamage(s);

            // A door shut again (a trap) can be opened again by its repeatable switches and door lines.
            if (closing)
            {
                foreach (var other in model.ActionsOnSector(s))
                {
                    if (other.Repeatable && other.Trigger is LineTrigger.Door or LineTrigger.Switch)
                    {
                        activated[other.Line] = false;
                    }
                }
            }

            grid.RecomputeSector(s, Heights);
            UpdateMoveMasks(s);
            travel = Math.Max(travel, delta);
        }

        if (travel >= 0)
        {
            interrupted = true;
            if (!grid.Fits(cell))
            {
                StepOff();
            }
        }

        return travel;
    }

    // Planes move at 1 to 8 units a tic, not at once: a body on a floor that starts rising to the ceiling (or under a
    // ceiling coming down) walks off it while it moves. The agent goes to the nearest spot that still has room.
    private void StepOff()
    {
        var from = cell;
        var seen = new HashSet<int> { from };
        queue.Clear();
        queue.Enqueue(from);
        var limit = (int)(512 / grid.CellSize);
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            if (grid.Fits(c))
            {
                var distance = Math.Max(Math.Abs(grid.X(c) - grid.X(from)), Math.Abs(grid.Y(c) - grid.Y(from)));
                Advance(from, c, distance / Speed);
                cell = c;
                Trail[c] = true;
                return;
            }

            for (var d = 0; d < 8; d++)
            {
                var n = c + grid.Offsets[d];
                if (grid.Blocked[n] == NavGrid.Free && Math.Abs((n % grid.Columns) - (from % grid.Columns)) <= limit &&
                    Math.Abs((n / grid.Columns) - (from / grid.Columns)) <= limit && seen.Add(n))
                {
                    queue.Enqueue(n);
                }
            }
        }
    }

    // Bosses whose death ends the level die when crushed (freedoom's MAP16 crushes its Icons of Sin): once every one of
    // a kind stands in a sector a crusher was started in, the level ends.
    private void CrushBosses(LineAction action)
    {
        foreach (var sector in action.Sectors)
        {
            crushed[sector] = true;
        }

        foreach (var type in bossExitTypes)
        {
            var all = true;
            var any = false;
            for (var t = 0; t < model.Level.Things.Length && all; t++)
            {
                if (model.ThingPresent[t] && model.Level.Things[t].Type == type)
                {
                    any = true;
                    all = model.ThingSector[t] >= 0 && crushed[model.ThingSector[t]];
                }
            }

            if (any && all)
            {
                var name = ThingTypes.Find(type)?.Name ?? $"type {type}";
                EndLevel(action.Line, secret: false, $"assumed boss death: every {name} is crushed by {action.Name} (line {action.Line})");
                return;
            }
        }
    }

    private bool FireBossActions()
    {
        if (pendingBossActions.Count == 0)
        {
            return false;
        }

        foreach (var (tag, effect, monster) in pendingBossActions)
        {
            var move = effect switch
            {
                BossEffect.LowerFloor => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent),
                BossEffect.RaiseFloor => new SectorMove(false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent),
                _ => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 8),
            };
            var sectors = model.SectorsByTag.GetValueOrDefault(tag) ?? [];
            ApplyMoves(move, sectors, null);
            var name = ThingTypes.Find(monster)?.Name ?? $"type {monster}";
            Add(Event(ExplorerEventKind.LineActivated, cell) with
            {
                Detail = $"assumed boss death: every {name} dies, sectors tagged {tag} {EffectText(effect)}",
            });
        }

        pendingBossActions.Clear();
        return true;
    }

    private static string EffectText(BossEffect effect) => effect switch
    {
        BossEffect.LowerFloor => "lower their floor",
        BossEffect.RaiseFloor => "raise their floor",
        BossEffect.OpenDoor => "open",
        _ => "end the level",
    };

    private void EndLevel(int? line, bool secret, string detail)
    {
        ExitReached = true;
        SecretExit = secret;
        ExitTick = lastTick;
        Add(Event(ExplorerEventKind.ExitReached, cell) with { Line = line, Detail = detail });
    }

    private void Wait(int tics)
    {
        if (tics > 0)
        {
            Advance(cell, cell, tics);
        }
    }

    /// <summary>Moves the clock on while the body goes from one cell to the next, doing what happens at each whole tic.</summary>
    private void Advance(int from, int to, double tics)
    {
        var start = clock;
        clock += tics;
        var end = (int)Math.Floor(clock);
        double fx = grid.X(from), fy = grid.Y(from), tx = grid.X(to), ty = grid.Y(to);
        for (var tick = lastTick + 1; tick <= end; tick++)
        {
            var fraction = tics <= 0 ? 1 : Math.Clamp((tick - start) / tics, 0, 1);
            var here = fraction < 0.5 ? from : to;
            lastTick = tick;
            if (tick % options.PositionInterval == 0)
            {
                Add(Event(ExplorerEventKind.Position, here, fx + ((tx - fx) * fraction), fy + ((ty - fy) * fraction)));
            }

            if (tick % 32 == 0)
            {
                FloorDamage(here);
                if (Died || ExitReached)
                {
                    clock = tick;
                    return;
                }
            }
        }
    }

    private void EmitPositions()
    {
        if (lastTick % options.PositionInterval == 0)
        {
            Add(Event(ExplorerEventKind.Position, cell));
        }
    }

    // P_PlayerInSpecialSector: on the floor of a damaging sector, damage every 32 tics (halved on skill 1, armour
    // absorbing its share); special 11 ends the level once health is 10 or less.
    private void FloorDamage(int c)
    {
        var sector = grid.CenterSector[c];
        if (sector < 0 || !sectorDamaging[sector] || !OnCurrentFloor(c, sector))
        {
            return;
        }

        var info = DescribeSector(Heights.Special[sector]);
        if (lastTick < invulnerableUntil || (lastTick < suitUntil && !info.EndsLevel))
        {
            return;
        }

        var damage = options.Skill <= 1 ? info.Damage >> 1 : info.Damage;
        if (armorType > 0)
        {
            var saved = armorType == 1 ? damage / 3 : damage / 2;
            if (armor <= saved)
            {
                saved = armor;
                armorType = 0;
            }

            armor -= saved;
            damage -= saved;
        }

        var old = health;
        health -= damage;
        var cause = string.Create(CultureInfo.InvariantCulture, $"damaging floor (special {Heights.Special[sector]}, {info.Damage} hp / 32 tics)");
        Add(Event(ExplorerEventKind.HealthChange, c) with { OldHealth = old, NewHealth = health, Cause = cause });
        if (health <= 0)
        {
            Died = true;
            Add(Event(ExplorerEventKind.Death, c) with { OldHealth = old, NewHealth = health, Cause = cause });
            return;
        }

        if (info.EndsLevel && health <= 10)
        {
            EndLevel(null, secret: false, string.Create(CultureInfo.InvariantCulture, $"exit sector {sector} (special {Heights.Special[sector]})"));
        }
    }

    private bool OnCurrentFloor(int c, int sector) => liftConfig == 0
        ? grid.Floor0[c] == Heights.FloorLow[sector]
        : grid.Floor1[c] == Heights.FloorHigh[sector];

    private void PickUp(int c)
    {
        foreach (var thing in model.Pickups[c])
        {
            if (taken[thing] || !Touches(c, thing))
            {
                continue;
            }

            thingDone[thing] = true;
            Give(thing, c);
        }
    }

    // What P_TouchSpecialThing gives; health and armour are not picked up when they would add nothing.
    private void Give(int thing, int c)
    {
        var type = model.Level.Things[thing].Type;
        if (ThingTypes.Find(type) is not { } info)
        {
            return;
        }

        var item = info.Name.ToLowerInvariant();
        var newHealth = health;
        switch (type)
        {
            case 2011 or 2012:
                if (health >= 100)
                {
                    return;
                }

                newHealth = Math.Min(100, health + (type == 2011 ? 10 : 25));
                break;
            case 2014:
                newHealth = Math.Min(200, health + 1);
                break;
            case 2013:
                newHealth = Math.Min(200, health + 100);
                break;
            case 83:
                newHealth = 200;
                armor = 200;
                armorType = 2;
                break;
            case 2023:
                newHealth = Math.Max(health, 100);
                break;
            case 2018 or 2019:
                var points = type == 2018 ? 100 : 200;
                if (armor >= points)
                {
                    return;
                }

                armor = points;
                armorType = type == 2018 ? 1 : 2;
                break;
            case 2015:
                armor = Math.Min(200, armor + 1);
                armorType = Math.Max(armorType, 1);
                break;
            case 2025:
                suitUntil = lastTick + (60 * 35);
                break;
            case 2022:
                invulnerableUntil = lastTick + (30 * 35);
                break;
        }

        taken[thing] = true;
        if (info.Key != DoomKeys.None)
        {
            keys |= info.Key;
            Add(Event(ExplorerEventKind.KeyPickup, c) with { Thing = thing, Item = item });
            exhausted = 0;
            return;
        }

        Add(Event(ExplorerEventKind.ItemPickup, c) with { Thing = thing, Item = item });
        if (newHealth != health)
        {
            Add(Event(ExplorerEventKind.HealthChange, c) with { OldHealth = health, NewHealth = newHealth, Cause = item });
            health = newHealth;
        }
    }

    private ExplorerEvent Event(ExplorerEventKind kind, int c) => Event(kind, c, grid.X(c), grid.Y(c));

    private ExplorerEvent Event(ExplorerEventKind kind, int c, double x, double y) =>
        new(lastTick, kind, x, y, grid.CenterSector[c])
        {
            Z = liftConfig == 0 ? grid.Floor0[c] : grid.Floor1[c],
            Angle = angle,
        };

    private void Add(ExplorerEvent e) => events.Add(e);
}
