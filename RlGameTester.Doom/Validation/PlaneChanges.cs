namespace RlGameTester.Doom.Validation;

/// <summary>
/// The plane changes that lines and boss deaths set off, as they reach the sector heights: at once, when due (a door
/// reopening after 30 s), or, for a plane closing on the body, once the body fits with it. A floor moving under a
/// standing body carries it.
/// </summary>
internal sealed class PlaneChanges
{
    private readonly SectorPlanes _planes;
    private readonly PathSamples _path;
    private readonly PositionProbe _probe;
    private readonly BodyHeight _body;
    private readonly AssumptionLog _assumptions;
    private readonly Placement _scratch = new();

    // Closing moves waiting for the body to fit with them, and moves due later (a door reopening after 30 s).
    private readonly List<PlaneChange> _held = [];
    private readonly List<(int Due, PlaneChange Change)> _scheduled = [];

    public PlaneChanges(SectorPlanes planes, PathSamples path, PositionProbe probe, BodyHeight body, AssumptionLog assumptions)
    {
        _planes = planes;
        _path = path;
        _probe = probe;
        _body = body;
        _assumptions = assumptions;
    }

    /// <summary>Whether a closing plane is waiting for the body to leave.</summary>
    public bool AnyHeld => _held.Count > 0;

    /// <summary>
    /// Makes the change at the tic, or schedules it when it has a delay; <paramref name="bodyTick"/> is the tic the body
    /// was last placed at (-1 before the start), to find what the change does to it.
    /// </summary>
    public void Apply(int tick, PlaneChange change, int bodyTick)
    {
        if (change.Delay > 0)
        {
            Schedule(tick, change);
            return;
        }

        // A new move of a plane ends the travel of the last one (the tics of it still to come).
        _scheduled.RemoveAll(s => s.Change.Gradual && s.Change.Sector == change.Sector && s.Change.Ceiling == change.Ceiling);
        ApplyNow(tick, change, bodyTick);
    }

    private void Schedule(int tick, PlaneChange change) => _scheduled.Add((tick + change.Delay, change with { Delay = 0 }));

    private void ApplyNow(int tick, PlaneChange change, int bodyTick)
    {
        if (change.Frees)
        {
            _planes.Busy[change.Sector] = false;
        }

        var closes = change.Closes(_planes);
        var before = change.Ceiling ? _planes.Ceiling(change.Sector) : _planes.Floor(change.Sector);
        var beforeRest = change.Ceiling ? _planes.CeilingRest(change.Sector) : _planes.FloorRest(change.Sector);
        Set(change.Sector, change.Ceiling, change.Range, change.Rest);
        if (bodyTick < 0 || _path.At(bodyTick) is not { } position)
        {
            return;
        }

        _probe.Probe(position.X, position.Y, PlayerBody.BlockingRadius, _scratch);
        if (closes && _scratch.Sectors.Contains(change.Sector) && _scratch.Ceiling.High - _scratch.Floor.Low < PlayerBody.Height - Slack.Height)
        {
            if (change.Door is { } door)
            {
                // A door closing on a body goes back up (T_VerticalDoor), waits at the top and closes again.
                _planes.Busy[change.Sector] = true;
                foreach (var again in door.Bounce(change.Sector, _scratch.Floor.High + PlayerBody.Height))
                {
                    if (again.Delay > 0)
                    {
                        Schedule(tick, again);
                    }
                    else
                    {
                        ApplyNow(tick, again, bodyTick);
                    }
                }

                _assumptions.Add($"door of sector {change.Sector} ({door.Source}) met the body closing and opened again, as Doom's doors do");
                return;
            }

            // A plane closing on the body stops on it (T_MovePlane gives the move back when P_ChangeSector finds a thing
            // that no longer fits) and goes on once the body fits with it.
            Set(change.Sector, change.Ceiling, before, beforeRest);
            _held.Add(change);
            _assumptions.Add($"{(change.Ceiling ? "ceiling" : "floor")} of sector {change.Sector} ({change.Source}) held back by the body until it fit, as Doom's moving planes stop on things");
            return;
        }

        _body.FollowFloor(_scratch.Floor);
    }

    /// <summary>Makes the scheduled changes due by the tic, before the body moves at it.</summary>
    public void ApplyDue(int tick, int bodyTick)
    {
        for (var i = 0; i < _scheduled.Count; i++)
        {
            if (_scheduled[i].Due <= tick)
            {
                var change = _scheduled[i].Change;
                _scheduled.RemoveAt(i--);
                ApplyNow(tick, change, bodyTick);
            }
        }
    }

    /// <summary>
    /// Tries the held changes again with the body placed at the tic: T_MovePlane tries its move every tic, so a plane the
    /// body held back goes on as soon as the body fits with it (it may still be in the sector, clear of the low ceiling
    /// beside it that stopped the plane), and stays held while it does not.
    /// </summary>
    public void ReleaseHeld(int tick)
    {
        if (_held.Count == 0)
        {
            return;
        }

        var waiting = _held.ToArray();
        _held.Clear();
        foreach (var change in waiting)
        {
            // A tic of a travel held back goes on with the travel's later tics still to come.
            if (change.Gradual)
            {
                ApplyNow(tick, change, tick);
            }
            else
            {
                Apply(tick, change, tick);
            }
        }
    }

    /// <summary>The first held change on the sector the body leaves for another, or null.</summary>
    public PlaneChange? HeldLeaving(int fromSector, int toSector)
    {
        foreach (var change in _held)
        {
            if (fromSector == change.Sector && toSector != change.Sector)
            {
                return change;
            }
        }

        return null;
    }

    private void Set(int sector, bool ceiling, HeightRange range, double rest)
    {
        if (ceiling)
        {
            _planes.SetCeiling(sector, range, rest);
        }
        else
        {
            _planes.SetFloor(sector, range, rest);
        }
    }
}
