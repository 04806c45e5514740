namespace RlGameTester.Doom.Validation;

/// <summary>
/// A door that opens, waits and closes again (T_VerticalDoor), as the tics from its call: up to <paramref name="Open"/>
/// in <paramref name="OpenTravel"/>, <paramref name="Wait"/> at the top, down to <paramref name="Floor"/> in
/// <paramref name="CloseTravel"/>; <paramref name="Source"/> names what called it. Where in its travel it is at a tic
/// is not worked out: anywhere between shut and open.
/// </summary>
internal sealed record DoorCycle(double Open, double Floor, int OpenTravel, int Wait, int CloseTravel, string Source)
{
    // Doom starts the thinker the tic after the line: a tic's grace keeps the door open no shorter than Doom has it.
    private const int Grace = 1;

    /// <summary>The door's changes from its call on: open now, on its way down after its wait, shut when it gets there.</summary>
    public IEnumerable<PlaneChange> Changes(int sector)
    {
        var closing = OpenTravel + Wait + Grace;
        yield return new PlaneChange(sector, true, HeightRange.At(Open), Open, 0, Source);
        yield return new PlaneChange(sector, true, new HeightRange(Floor, Open), Open, closing, Source + ", closing");
        yield return new PlaneChange(sector, true, HeightRange.At(Floor), Floor, closing + CloseTravel, Source + ", shut", Frees: true, Door: this);
    }
}
