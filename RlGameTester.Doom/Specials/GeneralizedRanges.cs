namespace RlGameTester.Doom.Specials;

/// <summary>Where Boom's generalised line types start (each range runs to the next one's start, the last to <see cref="End"/>).</summary>
internal static class GeneralizedRanges
{
    public const int CrusherBase = 0x2F80;
    public const int StairsBase = 0x3000;
    public const int LiftBase = 0x3400;
    public const int LockedDoorBase = 0x3800;
    public const int DoorBase = 0x3C00;
    public const int CeilingBase = 0x4000;
    public const int FloorBase = 0x6000;
    public const int End = 0x8000;
}
