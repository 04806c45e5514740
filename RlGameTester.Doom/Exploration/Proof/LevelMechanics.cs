using System.Globalization;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// What a level holds that decides whether its exit can be reached, read generously: every sector mover whoever sets
/// it off, every teleport a player can take (any trigger), every exit, and what the model cannot bound
/// (<see cref="Limits"/>: scripts, bosses whose death ends the level, voodoo dolls, conveyors, unsimulated specials).
/// </summary>
internal sealed class LevelMechanics
{
    // Boom's accelerative and displacement carrying scrollers, wind, currents and point pushers: not simulated, they
    // may move bodies faster than a player runs. The plain carrying scrollers (252, 253) are simulated.
    private static readonly HashSet<int> DoomPushers = [216, 217, 224, 225, 226, 247, 248];

    // Monster-only teleports never carry the player.
    private static readonly HashSet<int> DoomMonsterTeleports = [125, 126, 264, 265, 266, 267, 268, 269];

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly Dictionary<int, List<int>> _sectorsByTag;

    // Every key the level gives on this skill: a door locked with another never opens.
    private readonly DoomKeys _keys;

    public LevelMechanics(Level level, LevelGeometry geometry, Skills skill)
    {
        _level = level;
        _geometry = geometry;
        foreach (var thing in level.Things)
        {
            if ((thing.Skills & skill) != 0 && (thing.Modes & GameModes.SinglePlayer) != 0 &&
                PlacedItems.Gives(level, thing.Type, out _) is { } info)
            {
                _keys |= info.Key;
            }
        }

        _sectorsByTag = LevelIndex.SectorsByTag(level);
        Carrying = new CarryingFloors(level, _sectorsByTag);
        for (var line = 0; line < level.Linedefs.Length; line++)
        {
            ref readonly var def = ref level.Linedefs.ItemRef(line);
            if (def.Special != 0)
            {
                if (level.UsesDoomSpecials)
                {
                    AddDoomLine(line, def);
                }
                else
                {
                    var effective = ScriptedLines.Effective(level, def);
                    AddHexenSpecial(effective.Special, effective.Args, line, def.Activation, ScriptedLines.MoreTags(level, def));
                }
            }
        }

        for (var t = 0; t < level.Things.Length; t++)
        {
            ref readonly var thing = ref level.Things.ItemRef(t);
            if (thing.Special != 0 && !level.UsesDoomSpecials)
            {
                AddHexenSpecial(thing.Special, thing.Args, null, LineActivation.None);
            }
        }

        if (level.HasScripts && !ScriptedLines.AllHarmless(level))
        {
            // A script can move any tagged sector, teleport the player anywhere and end the level; scripts whose every path
            // only lights sectors, plays sounds or starts others of the kind (ScriptedLines.AllHarmless) cannot.
            var tagged = _sectorsByTag.Where(kv => kv.Key != 0).SelectMany(kv => kv.Value).Distinct().ToArray();
            Movers.Add(new SectorMover(tagged, null, "ACS scripts"));
            Limits.Add(new ProofLimit("acs script", "the level runs ACS scripts, which can move sectors, teleport the player and end the level", null));
        }

        AddLineBlocking();
        AddLinesPlayedAsWalls();
        AddBosses(skill);
        AddTimedDoors();
        AddVoodooDolls();
        AddUnknownThings(skill);
        AddModActions(skill);
        ExitSectors = new bool[level.Sectors.Length];
        for (var s = 0; s < level.Sectors.Length; s++)
        {
            var special = level.Sectors[s].Special;
            ExitSectors[s] = (level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special)).EndsLevel;
        }
    }

    public List<SectorMover> Movers { get; } = [];

    /// <summary>Boom's carrying floors: slower than a run, a player still walks anywhere on them, and jumps further.</summary>
    public CarryingFloors Carrying { get; }

    public List<TeleportSource> Teleports { get; } = [];

    public List<ExitLine> ExitLines { get; } = [];

    /// <summary>Sectors whose floor ends the level (special 11).</summary>
    public bool[] ExitSectors { get; }

    /// <summary>What the model cannot bound: with any of these, no exit can be proven unreachable.</summary>
    public List<ProofLimit> Limits { get; } = [];

    // ZDoom's Line_SetBlocking (special 55 of a line, a thing or a script) and ACS's SetLineBlocking set or clear a line's
    // blocking at run time; play makes the changes of lines it reads (ScriptedLines.BlockingChanges), this model keeps the
    // flags as drawn, so a blocking two-sided line one of them names may be a wall that opens. One named by its id (Project Zolee MAP02's gates, cleared by scripts) is named first, as what most
    // likely stopped the run; one only a call with an id known at run time may name comes after the other limits.
    private void AddLineBlocking()
    {
        const int lineSetBlocking = LineBlockingChange.Special;
        if (_level.UsesDoomSpecials)
        {
            return;
        }

        var ids = new HashSet<int?>();
        ids.UnionWith(_level.Linedefs.Where(l => l.Special == lineSetBlocking).Select(l => (int?)l.Args.Arg0));
        ids.UnionWith(_level.Things.Where(t => t.Special == lineSetBlocking).Select(t => (int?)t.Args.Arg0));
        foreach (var script in _level.Scripts.Scripts)
        {
            // A script's own arguments are unknown here (null), not 0.
            var reading = AcsReading.Of(_level.Scripts, script, new int?[Math.Max(script.ArgCount, 0)]);
            ids.UnionWith(reading.Calls.Where(c => c.Special == lineSetBlocking).Select(c => c.Arg(0)));
        }

        ids.Remove(0);
        var gate = -1;
        for (var i = 0; i < _level.Linedefs.Length && ids.Count > 0; i++)
        {
            ref readonly var def = ref _level.Linedefs.ItemRef(i);
            if (def.FrontSide < 0 || def.BackSide < 0 || !Linedef.BlocksPlayerWith(def.Flags & ~(LinedefFlags.SolidMiddleTexture | LinedefFlags.Railing)))
            {
                continue;
            }

            if (def.Ids.Any(id => ids.Contains(id)))
            {
                Limits.Insert(0, LineBlockingLimit(i));
                return;
            }

            gate = gate < 0 && ids.Contains(null) ? i : gate;
        }

        if (gate >= 0)
        {
            Limits.Add(LineBlockingLimit(gate));
        }
    }

    // A solid (3D) middle texture is read as a wall; a player may walk over or under it where the texture is not drawn.
    // Lines play reads as walls that a player may get past: 3D middle textures (over or under them) and railings (jumped).
    private void AddLinesPlayedAsWalls()
    {
        var midTexture = false;
        var railing = false;
        for (var i = 0; i < _level.Linedefs.Length; i++)
        {
            ref readonly var def = ref _level.Linedefs.ItemRef(i);
            if (def.BackSide < 0)
            {
                continue;
            }

            if (!midTexture && def.HasFlag(LinedefFlags.SolidMiddleTexture))
            {
                midTexture = true;
                Limits.Add(new ProofLimit(ProofLimit.MiddleTexture, $"line {i} has a solid middle texture, read as a wall: a player may walk over or under it", i));
            }

            if (!railing && def.HasFlag(LinedefFlags.Railing))
            {
                railing = true;
                Limits.Add(new ProofLimit(ProofLimit.Railing, $"line {i} is a jump-over railing, read as a wall: a player may jump over it", i));
            }
        }
    }

    private static ProofLimit LineBlockingLimit(int line) =>
        new(ProofLimit.LineBlocking, $"line {line} blocks players, and a Line_SetBlocking the explorer does not simulate may clear it", line);

    private int[] Tagged(int tag) => tag != 0 && _sectorsByTag.TryGetValue(tag, out var list) ? [.. list] : [];

    private int[] BackSector(in Linedef def) => def.BackSide < 0 ? [] : [_level.Sidedefs[def.BackSide].Sector];

    private int? FrontSector(in Linedef def) => def.FrontSide < 0 ? null : _level.Sidedefs[def.FrontSide].Sector;

    private void AddDoomLine(int line, in Linedef def)
    {
        var info = LinedefSpecials.FindDoom(def.Special);
        if (info is null)
        {
            // Engines ignore specials they do not know; a port's own may move what it tags.
            Movers.Add(new SectorMover(Tagged(def.Tag), null, $"line {line} (unknown special {def.Special})", line));
            return;
        }

        var name = $"line {line} ({info.TriggerCode} {info.Name})";
        if (DoomPushers.Contains(def.Special))
        {
            Limits.Add(new ProofLimit("conveyor or pusher", $"{name} pushes bodies faster than a player runs", line));
        }
        else if (def.Special is 252 or 253 && Tagged(def.Tag).Select(Carrying.FastestPair).DefaultIfEmpty(0).Max() is var fastest
            && fastest >= GenerousSearch.MaxAirSpeed)
        {
            // Against a floor carrying it faster than it runs a player cannot walk: the search's ways do not hold.
            Limits.Add(new ProofLimit("conveyor or pusher", string.Create(CultureInfo.InvariantCulture,
                $"{name} carries bodies at up to {fastest:0.#} units a tic, faster than a player runs"), line));
        }

        switch (info.Effect)
        {
            case LineEffect.Exit or LineEffect.SecretExit:
                ExitLines.Add(new ExitLine(line, info.Trigger));
                return;
            case LineEffect.Teleport when !DoomMonsterTeleports.Contains(def.Special):
                Teleports.Add(new TeleportSource(line, info.Trigger, name, ThingDestinations(0, def.Tag), []));
                return;
            case LineEffect.LineTeleport when !DoomMonsterTeleports.Contains(def.Special):
                Teleports.Add(new TeleportSource(line, info.Trigger, name, [], LinesTagged(def.Tag, line)));
                return;
        }

        if (SectorMoves.FindDoom(def.Special) is { } move && (info.Keys is null || info.Keys.IsSatisfiedBy(_keys)))
        {
            var sectors = info.Trigger == LineTrigger.Door ? BackSector(def) : Tagged(def.Tag);
            AddMove(sectors, move, name, line, FrontSector(def));
        }
    }

    private void AddHexenSpecial(int special, SpecialArgs args, int? line, LineActivation activation, IReadOnlyList<int>? moreTags = null)
    {
        var info = LinedefSpecials.FindHexen(special);
        var name = line is { } l ? $"line {l} ({info?.Name ?? $"special {special}"})" : $"a thing's {info?.Name ?? $"special {special}"}";
        var trigger = (activation & (LineActivation.PlayerUse | LineActivation.PlayerPush)) != 0 ? LineTrigger.Switch
            : (activation & LineActivation.PlayerCross) != 0 ? LineTrigger.Walk
            : (activation & LineActivation.Impact) != 0 ? LineTrigger.Gun
            : LineTrigger.None;
        var def = line is { } index ? _level.Linedefs[index] : default;
        int[] Sectors() => args.Arg0 != 0 ? [.. Tagged(args.Arg0).Concat((moreTags ?? []).SelectMany(Tagged)).Distinct()] : line is null ? [] : BackSector(def);
        switch (info?.Effect)
        {
            case LineEffect.Exit or LineEffect.SecretExit:
                if (line is { } exitLine && trigger != LineTrigger.None)
                {
                    ExitLines.Add(new ExitLine(exitLine, trigger));
                    if (trigger != LineTrigger.Gun && (activation & LineActivation.Impact) != 0)
                    {
                        // A UDMF line may answer to a shot beside its walk or use activation.
                        ExitLines.Add(new ExitLine(exitLine, LineTrigger.Gun));
                    }
                }
                else
                {
                    Limits.Add(new ProofLimit("exit not by the player", $"{name} ends the level when something other than the player sets it off", line));
                }

                return;
            case LineEffect.Teleport when line is { } teleportLine && trigger is LineTrigger.Walk or LineTrigger.Switch:
                Teleports.Add(new TeleportSource(teleportLine, trigger, name, ThingDestinations(args.Arg0, HexenTeleports.Tag(special, args)), []));
                return;
            case LineEffect.LineTeleport when line is { } teleportLine && trigger is LineTrigger.Walk or LineTrigger.Switch:
                Teleports.Add(new TeleportSource(teleportLine, trigger, name, [], LinesWithId(args.Arg1, teleportLine)));
                return;
            case LineEffect.Teleport or LineEffect.LineTeleport when line is not null && MonstersOnly(activation):
                // Only monsters (or their missiles) set it off: it takes no player anywhere, as Doom's monster teleports.
                return;
            case LineEffect.Crusher when SectorMoves.FindHexen(special, args) is null:
                // A crusher comes back up (Doom's are left out alike); a stop line moves nothing.
                return;
            case LineEffect.Script:
                return;
            case LineEffect.Light or LineEffect.ChangeTexture:
                return;
        }

        var locked = LinedefSpecials.HexenLineLock(special, args) ?? (line is null ? null : LinedefSpecials.HexenLineLock(def));
        if (locked is not null && !locked.IsSatisfiedBy(_keys))
        {
            return;
        }

        if (SectorMoves.FindHexen(special, args) is { } move)
        {
            AddMove(Sectors(), move, name, line, line is null ? null : FrontSector(def));
            return;
        }

        if (LinedefSpecials.IsHexenHarmless(special) || ActsOnInertThings(special, args) || SpawnedThings.IsHarmlessSpawn(_level, special, args.Arg1))
        {
            return;
        }

        if (special == LineBlockingChange.Special)
        {
            // Its gates are limits of their own (AddLineBlocking); making other lines block takes no way away from the proof.
            return;
        }

        // Not simulated: its sectors may be anywhere, and it may move the player or open a way some other way.
        Movers.Add(new SectorMover(Sectors(), null, name, line));
        Limits.Add(new ProofLimit("special not simulated", $"{name} is not simulated", line));
    }

    // Thing_Activate, Thing_Deactivate and Thing_Remove acting only on monsters, sounds, lights and the like (Super Sonic
    // Doom's lines wake each room's monsters and switch its ambient sounds as the player walks in): monsters are no wall in
    // the search, and waking, halting or removing them sets off nothing (Thing_Destroy kills, and a death may have a
    // special: not this). Other things may be movers, pushers or obstacles, so those stay not simulated.
    private bool ActsOnInertThings(int special, SpecialArgs args)
    {
        if (special is not (130 or 131 or 132) || args.Arg0 == 0)
        {
            return false;
        }

        var any = false;
        foreach (var thing in _level.Things)
        {
            if (thing.Tid == args.Arg0)
            {
                if (!Inert(thing.Type))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    // A monster (the mod's or Doom's), or one of ZDoom's things that only sound, light or watch: ambient sounds and sound
    // sequences (14001-14067), music changers (14101-14165), sparks and particle fountains (9026-9033), sound environments
    // (9048), cameras (9025, 9072, 9073, 9080) and dynamic lights (9800-9874).
    private bool Inert(int type) =>
        _level.Actors.Shapes.TryGetValue(type, out var shape) ? shape.IsMonster
        : type is >= 14001 and <= 14067 or >= 14101 and <= 14165 or >= 9026 and <= 9033 or 9048 or 9025 or 9072 or 9073 or 9080 or >= 9800 and <= 9874
        || ThingTypes.Find(type)?.Category == ThingCategory.Monster;

    private static bool MonstersOnly(LineActivation activation) =>
        (activation & (LineActivation.MonsterCross | LineActivation.MonsterUse | LineActivation.MonsterPush | LineActivation.MissileCross)) != 0 &&
        (activation & (LineActivation.PlayerCross | LineActivation.PlayerUse | LineActivation.PlayerPush | LineActivation.Impact)) == 0;

    private void AddMove(int[] sectors, SectorMove move, string name, int? line, int? frontSector)
    {
        if (move.Kind is MoveKind.Stairs or MoveKind.Donut)
        {
            // The steps and the ring are found from the start heights (as the special finds them when it starts).
            var heights = new SectorHeights(_level, _geometry);
            var changes = new List<(int Sector, int Low, int High, int Ceiling, int Special)>();
            foreach (var s in sectors)
            {
                heights.Plan(move, s, frontSector, changes);
            }

            Movers.Add(new SectorMover([.. changes.Select(c => c.Sector)], move, name, line, frontSector, [.. changes.Select(c => (int?)c.High)]));
            return;
        }

        Movers.Add(new SectorMover(sectors, move, name, line, frontSector));
    }

    private void AddBosses(Skills skill)
    {
        var actedOn = new HashSet<int>();
        foreach (var action in BossDeathActions.For(_level))
        {
            var present = false;
            foreach (var thing in _level.Things)
            {
                present |= thing.Type == action.MonsterType && (thing.Skills & skill) != 0 && (thing.Modes & GameModes.SinglePlayer) != 0;
            }

            if (!present)
            {
                continue;
            }

            var monster = ThingNames.Of(_level, action.MonsterType);
            if (action.Effect == BossEffect.ExitLevel)
            {
                Limits.Add(new ProofLimit("boss death", $"the death of every {monster} ends the level", null));
            }
            else if (action.Tag is { } tag && _level.UsesDoomSpecials)
            {
                var move = action.Effect switch
                {
                    BossEffect.LowerFloor => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent),
                    BossEffect.RaiseFloor => new SectorMove(false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent),
                    _ => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent),
                };
                Movers.Add(new SectorMover(Tagged(tag), move, $"the death of every {monster} (sectors tagged {tag})"));
                actedOn.Add(tag);
            }
        }

        // Tags 666 and 667 are the boss tags: vanilla acts on them only in its boss levels, but a port's MAPINFO gives
        // any level such an action (ZDoom's SpecialAction), and mods made for those ports use it. Sectors waiting on
        // one the rules above do not move may move when some monster dies.
        foreach (var tag in (int[])[666, 667])
        {
            if (!actedOn.Contains(tag) && Tagged(tag) is { Length: > 0 } waiting)
            {
                Movers.Add(new SectorMover(waiting, null, $"sectors tagged {tag} (a boss tag)"));
                Limits.Add(new ProofLimit("boss death", $"sectors tagged {tag} wait for a boss death this level's rules do not give, which a port's MAPINFO may", null));
            }
        }
    }

    // Vanilla sector types 10 (door closes after 30 s) and 14 (door opens after 5 minutes), Boom's low five bits too.
    private void AddTimedDoors()
    {
        if (!_level.UsesDoomSpecials)
        {
            return;
        }

        for (var s = 0; s < _level.Sectors.Length; s++)
        {
            switch (_level.Sectors[s].Special & 31)
            {
                case 10:
                    Movers.Add(new SectorMover([s], new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent), $"sector {s}'s door closing after 30 s"));
                    break;
                case 14:
                    Movers.Add(new SectorMover([s], new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent), $"sector {s}'s door opening after 5 minutes"));
                    break;
            }
        }
    }

    // Extra player 1 starts are voodoo dolls: pushed by conveyors or crushed, they set off walk-over lines, exits too.
    private void AddVoodooDolls()
    {
        var starts = _level.Things.Count(t => t.Type == 1);
        if (starts > 1 && ExitLines.Exists(e => e.Trigger == LineTrigger.Walk))
        {
            Limits.Add(new ProofLimit("voodoo doll", $"the level has {starts - 1} voodoo doll(s), which can set off a walk-over exit line", null));
        }
    }

    // Doom's EV_Teleport takes the first sector with the tag (by index) that holds a destination, and its first
    // destination thing; ZDoom's teleports (Hexen numbering) may pick any destination with the thing id and tag.
    // Thing types no table here knows are a mod's own actors (DECORATE, ZScript, DEHACKED): keys, switches or
    // teleporters of its own the proof cannot see, unless the mod's definition makes it a plain monster.
    private void AddUnknownThings(Skills skill)
    {
        foreach (var thing in _level.Things)
        {
            // A plain monster the mod defines (its states do nothing to the level, it drops no key, no boss rule names
            // it) is bounded as Doom's monsters are: not simulated, blocking and opening nothing.
            if ((thing.Skills & skill) != 0 && ThingTypes.Find(thing.Type) is null &&
                !(_level.Actors.Shapes.TryGetValue(thing.Type, out var shape) && SpawnedThings.IsHarmless(_level, shape.ClassName)))
            {
                Limits.Add(new ProofLimit("custom actors", $"thing type {thing.Type} is none of Doom's, Boom's or ZDoom's: the mod defines its own actors", null));
                return;
            }
        }
    }

    // A mod's actor that calls a line special or an ACS script from its states may move any sector or end the level
    // in ways the proof does not follow (its exits and boss doors are boss rules above). A thing a DEHACKED patch
    // renumbers or reshapes is not the size or solidity the proof's grid gives it.
    private void AddModActions(Skills skill)
    {
        foreach (var (number, change) in _level.Actors.Reshaped)
        {
            // A resized monster is still killed out of the way; a renumbered thing or a resized obstacle is not Doom's.
            var doom = ThingTypes.Find(number);
            if ((change.Renumbered || doom is { Blocking: true, Category: not ThingCategory.Monster }) &&
                _level.Things.Any(t => t.Type == number && (t.Skills & skill) != 0))
            {
                Limits.Add(new ProofLimit("dehacked things", $"{change.Description}: the level's things of type {number} are not the size or solidity Doom gives {doom?.Name.ToLowerInvariant() ?? "it"}", null));
                break;
            }
        }

        foreach (var rule in _level.Actors.RulesOn(_level.Name))
        {
            if (rule.Effect is ActorEffect.MovesSectors or ActorEffect.RunsScript &&
                _level.Things.Any(t => t.Type == rule.EditorNumber && (t.Skills & skill) != 0))
            {
                var what = rule.Effect == ActorEffect.RunsScript ? "runs an ACS script" : "calls a line special";
                Limits.Add(new ProofLimit("actor scripts", $"the mod's {rule.ClassName} (thing type {rule.EditorNumber}) {what} ({rule.Call}) the proof does not follow", null));
                return;
            }
        }
    }

    private List<(double X, double Y)> ThingDestinations(int tid, int tag)
    {
        var result = new List<(double, double)>();
        var sectors = _level.UsesDoomSpecials || tag != 0 ? Tagged(tag) : null;
        if (sectors is { Length: 0 })
        {
            return result;
        }

        var bestSector = int.MaxValue;
        foreach (var thing in _level.Things)
        {
            if (!HexenTeleports.IsDestination(thing.Type) || (tid != 0 && thing.Tid != tid))
            {
                continue;
            }

            var sector = _geometry.SectorAt(thing.X, thing.Y);
            if (sectors is not null && Array.IndexOf(sectors, sector) < 0)
            {
                continue;
            }

            if (!_level.UsesDoomSpecials)
            {
                result.Add((thing.X, thing.Y));
            }
            else if (sector < bestSector)
            {
                bestSector = sector;
                result.Clear();
                result.Add((thing.X, thing.Y));
            }
        }

        if (result.Count == 0 && tid != 0 && tag == 0 && !_level.UsesDoomSpecials)
        {
            // GZDoom's SelectTeleDest falls back to a map spot with the id, then to any thing with it.
            foreach (var thing in _level.Things)
            {
                if (thing.Tid == tid)
                {
                    result.Add((thing.X, thing.Y));
                }
            }
        }

        return result;
    }

    private int[] LinesTagged(int tag, int except)
    {
        var result = new List<int>();
        for (var line = 0; line < _level.Linedefs.Length; line++)
        {
            if (line != except && tag != 0 && _level.Linedefs[line].Tag == tag)
            {
                result.Add(line);
            }
        }

        return [.. result];
    }

    private int[] LinesWithId(int id, int except)
    {
        var result = new List<int>();
        for (var line = 0; line < _level.Linedefs.Length; line++)
        {
            if (line != except && id != 0 && _level.Linedefs[line].Ids.Contains(id))
            {
                result.Add(line);
            }
        }

        return [.. result];
    }
}
