namespace RlGameTester.Doom.Validation;

/// <summary>
/// The body's feet, tracked as P_ZMovement moves them: on the ground they follow the highest floor under the box (a
/// step up is climbed at once); when that floor drops away the body falls, gaining 1 unit a tic of downward speed after
/// a first airborne tic that starts it at 2 (so it has fallen 0, 2, 5, 9, 14 ... units), and lands where its feet reach
/// the floor. A range where lifts leave the floor anywhere between two heights.
/// </summary>
internal sealed class BodyHeight
{
    public HeightRange Z { get; private set; }

    /// <summary>Downward speed (negative), 0 on the ground.</summary>
    public double MomZ { get; private set; }

    /// <summary>The feet are above every floor the box may have under it: no thrust, no friction, no control.</summary>
    public bool Airborne { get; private set; }

    /// <summary>Puts the feet on the floor at rest (spawn, teleport arrival).</summary>
    public void Land(HeightRange floor)
    {
        Z = floor;
        MomZ = 0;
        Airborne = false;
    }

    /// <summary>One tic of P_ZMovement against the floor now under the box.</summary>
    public void Move(HeightRange floor)
    {
        var z = Z.Plus(MomZ);
        if (z.Low <= floor.High + 1e-9)
        {
            Land(floor);
            return;
        }

        Z = z;
        MomZ = MomZ == 0 ? -2 * PlayerBody.Gravity : MomZ - PlayerBody.Gravity;
        Airborne = true;
    }

    /// <summary>A floor under a standing body moved (P_ThingHeightClip keeps a body on its floor).</summary>
    public void FollowFloor(HeightRange floor)
    {
        if (!Airborne)
        {
            Z = floor;
        }
    }
}
