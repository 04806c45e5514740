namespace RlGameTester.Doom.Validation;

/// <summary>
/// The body's feet, tracked as P_ZMovement moves them: on the ground they follow the highest floor under the box (a
/// step up is climbed at once); when that floor drops away the body falls, gaining 1 unit a tic of downward speed after
/// a first airborne tic that starts it at 2 (so it has fallen 0, 2, 5, 9, 14 ... units), and lands where its feet reach
/// the floor. A jump (the ZDoom family's) gives the feet an upward speed that gravity takes 1 a tic; a head that meets
/// the ceiling stops rising there. A range where lifts leave the floor anywhere between two heights.
/// </summary>
internal sealed class BodyHeight
{
    public HeightRange Z { get; private set; }

    /// <summary>Vertical speed: negative falling, positive rising after a jump, 0 on the ground.</summary>
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

    /// <summary>The player pressed jump: the feet get the upward speed, and rise once this tic's move is made.</summary>
    public void Jump(double speed) => MomZ = speed;

    /// <summary>One tic of P_ZMovement against the floor and ceiling now around the box.</summary>
    public void Move(HeightRange floor, HeightRange ceiling)
    {
        var rising = MomZ > 0;
        var z = Z.Plus(MomZ);
        if (z.Low <= floor.High + 1e-9)
        {
            Land(floor);
            return;
        }

        // Gravity is doubled only on the tic a body leaves the floor without upward speed (running off a ledge): so say
        // Doom's engines, whose players never rise, and GZDoom's FallAndSink, whose jump keeps 1 a tic over its top.
        MomZ = !Airborne && MomZ == 0 ? -2 * PlayerBody.Gravity : MomZ - PlayerBody.Gravity;
        // Only a rising head meets the ceiling: P_TryMove let the body in with its head under it, and a fall only lowers it
        // (a spot the grid tolerance lets the box touch a lower ceiling at must not push the feet down). A ceiling that may
        // be anywhere in a range (a door, a crusher) stops the head only where it is surely that low.
        var top = ceiling.High - PlayerBody.Height;
        if (rising && z.High > top)
        {
            // P_ZMovement: the head meets the ceiling; the body is put under it and stops rising.
            z = new HeightRange(Math.Min(z.Low, top), top);
            MomZ = Math.Min(MomZ, 0);
        }

        Z = z;
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
