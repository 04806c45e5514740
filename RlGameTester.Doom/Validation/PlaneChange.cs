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
    /// <summary>Lowers a ceiling or raises a floor: it may leave no room for a body in the sector.</summary>
    public bool Closes(SectorPlanes planes) => Ceiling
        ? Range.High < planes.Ceiling(Sector).High
        : Range.Low > planes.Floor(Sector).Low;
}
