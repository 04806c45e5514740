namespace RlGameTester.Bench.FrameEval;

/// <summary>How the player moves through a clip.</summary>
internal enum Motion
{
    Walk,
    Strafe,
    TurnSlow,
    TurnFast,
    WalkTurn,
    Stand,
}

/// <summary>A player's place and facing (degrees), and the speed it moved at last tic (for the bob).</summary>
internal readonly record struct Camera(double X, double Y, double Angle, double Speed);

/// <summary>
/// Moves a camera tic by tic as a player moves: walking or running forward, strafing, turning slowly or fast (a mouse
/// flick), or standing; blocked by the level's walls, it turns away as an agent would.
/// </summary>
internal sealed class Mover(LevelMap map, Motion motion, Random rng)
{
    private readonly double _speed = rng.NextDouble() < 0.5 ? 8 + (rng.NextDouble() * 4) : 14 + (rng.NextDouble() * 3);
    private readonly double _turn = (rng.NextDouble() < 0.5 ? -1 : 1) * motion switch
    {
        Motion.TurnFast => 9 + (rng.NextDouble() * 11),
        Motion.WalkTurn => 1 + (rng.NextDouble() * 2),
        _ => 1.5 + (rng.NextDouble() * 2.5),
    };

    public Motion Motion => motion;

    public bool Acting => motion != Motion.Stand;

    public Camera Advance(Camera camera)
    {
        var angle = motion is Motion.TurnSlow or Motion.TurnFast or Motion.WalkTurn ? camera.Angle + _turn : camera.Angle;
        if (motion is not (Motion.Walk or Motion.Strafe or Motion.WalkTurn))
        {
            return camera with { Angle = angle, Speed = 0 };
        }

        var heading = (motion == Motion.Strafe ? angle + 90 : angle) * Math.PI / 180;
        var nx = camera.X + (Math.Cos(heading) * _speed);
        var ny = camera.Y + (Math.Sin(heading) * _speed);
        if (!map.CanStep(camera.X, camera.Y, nx, ny))
        {
            // Blocked: the agent keeps pushing (Doom still bobs the view) and turns away.
            return camera with { Angle = angle + 7, Speed = _speed };
        }

        return new Camera(nx, ny, angle, _speed);
    }
}
