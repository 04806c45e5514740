namespace RlGameTester.Doom.Exploration;

/// <summary>
/// How high the body's feet may be, tic by tic, as Doom's P_ZMovement moves them after each move of the walk: on the
/// floor, up a step at once, or falling after a step down (2 units the first tic, one more each tic after). The walk
/// does not wait for a fall (a player keeps running in the air), but a jump goes only from the ground. The walk knows
/// the floor under the box at a tic only within bounds (its cells' floors, a lift anywhere in its travel): the feet are
/// followed as if on the highest floor, which keeps them at least as high as Doom's, and they are surely on the ground
/// only when that is not above the lowest floor there.
/// </summary>
internal sealed class Feet
{
    private double _z;
    private double _speed;

    // The feet as followed are on the (highest) floor: the next step down starts a fall at 2 units.
    private bool _landed = true;

    // Surely on the ground, and since when.
    private bool _grounded = true;
    private int _groundedSince;

    /// <summary>Whether the feet are surely on the ground and have been since <paramref name="tick"/>.</summary>
    public bool GroundedSince(int tick) => _grounded && _groundedSince <= tick;

    /// <summary>The feet are on the floor (the start, a teleport's arrival, a jump's landing).</summary>
    public void Land(int tick, double floor) => Tick(tick, floor, floor, reset: true);

    /// <summary>One tic: the highest and lowest floor the box may have under it where the move ended.</summary>
    public void Tick(int tick, double highest, double lowest) => Tick(tick, highest, lowest, reset: false);

    private void Tick(int tick, double highest, double lowest, bool reset)
    {
        var z = reset ? highest : _z + _speed;
        if (z <= highest)
        {
            _z = highest;
            _speed = 0;
            _landed = true;
        }
        else
        {
            _speed = _landed ? -2 : _speed - 1;
            _z = z;
            _landed = false;
        }

        var grounded = _z <= lowest;
        if (grounded && !_grounded)
        {
            _groundedSince = tick;
        }

        _grounded = grounded;
    }
}
