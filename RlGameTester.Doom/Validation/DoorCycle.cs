namespace RlGameTester.Doom.Validation;

/// <summary>
/// A door that opens, waits and closes again (T_VerticalDoor), as the tics from its call: up to <paramref name="Open"/>
/// at <paramref name="Speed"/> units a tic, <paramref name="Wait"/> at the top, down to <paramref name="Floor"/> in
/// <paramref name="CloseTravel"/>; <paramref name="Source"/> names what called it. Where in its way down it is at a tic
/// is not worked out: anywhere between shut and open.
/// </summary>
internal sealed record DoorCycle(double Open, double Floor, double Speed, int Wait, int CloseTravel, string Source)
{
    // Doom starts the thinker the tic after the line: a tic's grace keeps the door open no shorter than Doom has it.
    private const int Grace = 1;

    /// <summary>
    /// The door's changes from its call on, its ceiling then at <paramref name="from"/>: on its way up, on its way down
    /// after its wait, shut when it gets there.
    /// </summary>
    public IEnumerable<PlaneChange> Changes(int sector, double from)
    {
        var openTravel = (int)Math.Ceiling(Math.Max(0, Open - from) / Speed);
        var closing = openTravel + Wait + Grace;
        foreach (var opening in PlaneChange.Travel(sector, true, Math.Min(from, Open), Open, Speed, Source))
        {
            yield return opening;
        }

        yield return new PlaneChange(sector, true, new HeightRange(Floor, Open), Open, closing, Source + ", closing");
        yield return new PlaneChange(sector, true, HeightRange.At(Floor), Floor, closing + CloseTravel, Source + ", shut", Frees: true, Door: this);
    }

    /// <summary>
    /// The cycle anew when the door meets a body on its way down (T_VerticalDoor sends it back up): it goes up from the
    /// top of the body, where it met it.
    /// </summary>
    public IEnumerable<PlaneChange> Bounce(int sector, double bodyTop) => Changes(sector, Math.Min(Open, bodyTop));
}
