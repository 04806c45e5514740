namespace RlGameTester.Doom.Validation;

/// <summary>A floor or ceiling of one sector taking new heights, <paramref name="Delay"/> tics after the line that moved it.</summary>
/// <param name="Sector">The sector.</param>
/// <param name="Ceiling">The ceiling moves; otherwise the floor.</param>
/// <param name="Range">The heights it may take from then on.</param>
/// <param name="Rest">The height Doom's neighbour searches see.</param>
/// <param name="Delay">Tics until it happens (a door that closes and opens again 30 s later).</param>
/// <param name="Source">What moved it, for messages (e.g. "line 12 (S1 Door open and stay)").</param>
/// <param name="Frees">The sector's mover ends with it (a lift back at rest): the sector takes new moves again.</param>
/// <param name="Door">The door whose close this is: meeting the body, it opens again and runs its cycle anew.</param>
/// <param name="Gradual">A tic of a plane's travel: a later move of the same plane ends the rest of it.</param>
internal readonly record struct PlaneChange(int Sector, bool Ceiling, HeightRange Range, double Rest, int Delay, string Source, bool Frees = false, DoorCycle? Door = null, bool Gradual = false)
{
    /// <summary>
    /// T_MovePlane's travel of a plane from <paramref name="from"/>
    /// to <paramref name="to"/> at <paramref name="speed"/> units a tic: one change a tic from the tic its move starts, each
    /// a tic lenient either way, then the end. Neighbour searches see the end at once.
    /// </summary>
    public static IEnumerable<PlaneChange> Travel(int sector, bool ceiling, double from, double to, double speed, string source)
    {
        var tics = (int)Math.Ceiling(Math.Abs(to - from) / speed);
        var (way, end) = to <= from ? ("lowering", "down") : ceiling ? ("opening", "open") : ("raising", "up");
        for (var tic = 0; tic <= tics; tic++)
        {
            double before = Along(from, to, speed, tic - 1), after = Along(from, to, speed, tic + 1);
            var range = new HeightRange(Math.Min(before, after), Math.Max(before, after));
            yield return new PlaneChange(sector, ceiling, range, to, tic, tic == 0 ? source : $"{source}, {way}", Gradual: true);
        }

        yield return new PlaneChange(sector, ceiling, HeightRange.At(to), to, tics + 1, $"{source}, {end}", Gradual: true);
    }

    // Where a plane travelling from one height to another at a speed is after some tics (none before it starts).
    private static double Along(double from, double to, double speed, int tics) =>
        to > from ? Math.Min(to, from + (speed * Math.Max(0, tics))) : Math.Max(to, from - (speed * Math.Max(0, tics)));

    /// <summary>Lowers a ceiling or raises a floor: it may leave no room for a body in the sector.</summary>
    public bool Closes(SectorPlanes planes) => Ceiling
        ? Range.High < planes.Ceiling(Sector).High
        : Range.Low > planes.Floor(Sector).Low;
}
