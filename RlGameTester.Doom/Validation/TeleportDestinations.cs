using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Where EV_Teleport puts the body: going through the sectors with the line's tag in index order, the first teleport
/// destination (type 14) standing in that sector, in thing order (the thinker list's spawn order), on this skill. Hexen and
/// UDMF teleports pick among the things with the line's thing id, so any of them is accepted there.
/// </summary>
internal sealed class TeleportDestinations
{
    private const int DestinationType = 14;
    private const int ZDoomDestinationType = 9044;

    private readonly Level _level;
    private readonly int _skill;

    // The destination things of the skill in thing order, with the sector each stands in.
    private readonly List<(int Thing, int Sector)> _destinations = [];

    public TeleportDestinations(LevelGeometry geometry, int skill)
    {
        _level = geometry.Level;
        _skill = skill;
        for (var t = 0; t < _level.Things.Length; t++)
        {
            var thing = _level.Things[t];
            var isDestination = thing.Type == DestinationType || (!_level.UsesDoomSpecials && thing.Type == ZDoomDestinationType);
            if (isDestination && ThingPresence.Exists(thing, skill))
            {
                _destinations.Add((t, geometry.SectorAt(thing.X, thing.Y)));
            }
        }
    }

    /// <summary>The destination things the line may send the body to (empty when EV_Teleport finds none and does nothing).</summary>
    public IReadOnlyList<int> For(int lineIndex)
    {
        var line = _level.Linedefs[lineIndex];
        if (!_level.UsesDoomSpecials && line.Args.Arg0 != 0)
        {
            var byId = new List<int>();
            for (var t = 0; t < _level.Things.Length; t++)
            {
                var thing = _level.Things[t];
                if (thing.Tid == line.Args.Arg0 && ThingPresence.Exists(thing, _skill))
                {
                    byId.Add(t);
                }
            }

            return byId;
        }

        var tag = _level.UsesDoomSpecials ? line.Tag : line.Args.Arg1;
        for (var sector = 0; sector < _level.Sectors.Length; sector++)
        {
            if (!_level.Sectors[sector].HasTag(tag))
            {
                continue;
            }

            foreach (var (thing, at) in _destinations)
            {
                if (at == sector)
                {
                    return [thing];
                }
            }
        }

        return [];
    }
}
