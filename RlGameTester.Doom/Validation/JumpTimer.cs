namespace RlGameTester.Doom.Validation;

/// <summary>
/// GZDoom's player.jumpTics and player.onground, tic by tic (PlayerThink, MovePlayer, CheckJump): a jump goes only on the
/// ground with jumpTics at 0, and sets it to -1; each tic it counts down, and it is cleared once it is under -18 on a tic
/// that starts with the player on the ground (as the last tic's MovePlayer saw the feet).
/// </summary>
internal sealed class JumpTimer
{
    private int _jumpTics;
    private bool _onGround = true;

    /// <summary>The tic of the last jump, or null before the first.</summary>
    public int? LastJump { get; private set; }

    /// <summary>One tic's PlayerThink with the feet as the last tic left them; true when a jump pressed in it goes.</summary>
    public bool Tick(bool onGround)
    {
        if (_jumpTics != 0)
        {
            _jumpTics--;
            if (_onGround && _jumpTics < -PlayerBody.JumpInterval)
            {
                _jumpTics = 0;
            }
        }

        _onGround = onGround;
        return onGround && _jumpTics == 0;
    }

    /// <summary>A jump went in the tic.</summary>
    public void Jumped(int tick)
    {
        _jumpTics = -1;
        LastJump = tick;
    }
}
