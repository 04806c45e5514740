using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Specials;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// The colours of level and run images (OpenCV order: blue, green, red). Dark floors on a darker void, walls bright,
/// and one hue family per meaning so a glance tells doors, lifts, exits, keys and danger apart.
/// </summary>
public static class MapPalette
{
    /// <summary>Outside every sector, and the title and legend panels.</summary>
    public static readonly CvScalar Background = Rgb(12, 12, 16);

    /// <summary>The darkest and brightest floor: floors are shaded between them by their height's rank (higher is lighter).</summary>
    public static readonly CvScalar FloorLow = Rgb(28, 28, 34);

    public static readonly CvScalar FloorHigh = Rgb(58, 58, 66);

    /// <summary>One-sided lines: the level's solid walls.</summary>
    public static readonly CvScalar Wall = Rgb(225, 225, 225);

    /// <summary>Two-sided lines with the same floor on both sides (ceiling or light changes only).</summary>
    public static readonly CvScalar Level = Rgb(66, 66, 76);

    /// <summary>Two-sided lines with a floor step a player can climb (24 units or less).</summary>
    public static readonly CvScalar Step = Rgb(135, 135, 145);

    /// <summary>Two-sided lines with a floor step higher than 24 units: too high to climb.</summary>
    public static readonly CvScalar HighStep = Rgb(255, 120, 0);

    public static readonly CvScalar Door = Rgb(214, 170, 92);

    public static readonly CvScalar DoorSector = Rgb(70, 56, 30);

    public static readonly CvScalar Lift = Rgb(255, 105, 200);

    public static readonly CvScalar LiftSector = Rgb(78, 32, 64);

    public static readonly CvScalar Teleport = Rgb(165, 95, 255);

    public static readonly CvScalar Exit = Rgb(0, 255, 0);

    public static readonly CvScalar SecretExit = Rgb(0, 190, 140);

    /// <summary>Sectors that end the level (Doom's special 11).</summary>
    public static readonly CvScalar ExitSector = Rgb(0, 84, 0);

    public static readonly CvScalar SecretSector = Rgb(76, 30, 104);

    public static readonly CvScalar DamagingFloor = Rgb(112, 26, 20);

    public static readonly CvScalar Player1Start = Rgb(0, 255, 255);

    public static readonly CvScalar OtherStart = Rgb(0, 150, 150);

    public static readonly CvScalar DeathmatchStart = Rgb(0, 105, 120);

    public static readonly CvScalar Monster = Rgb(235, 60, 60);

    public static readonly CvScalar Weapon = Rgb(255, 196, 120);

    /// <summary>Ammunition, health, armour and power-ups.</summary>
    public static readonly CvScalar Item = Rgb(120, 215, 120);

    /// <summary>Scenery, lights and obstacles, and thing types the game does not know.</summary>
    public static readonly CvScalar Decoration = Rgb(125, 125, 125);

    public static readonly CvScalar BlueKey = Rgb(40, 100, 255);

    public static readonly CvScalar YellowKey = Rgb(255, 222, 0);

    public static readonly CvScalar RedKey = Rgb(255, 0, 0);

    /// <summary>Titles and legend labels.</summary>
    public static readonly CvScalar Text = Rgb(235, 235, 235);

    /// <summary>Secondary text (the level's figures beside its name).</summary>
    public static readonly CvScalar SubtleText = Rgb(150, 150, 160);

    /// <summary>A run's path.</summary>
    public static readonly CvScalar Path = Rgb(255, 255, 255);

    public static readonly CvScalar Critical = Rgb(255, 30, 60);

    public static readonly CvScalar Major = Rgb(255, 150, 0);

    public static readonly CvScalar Minor = Rgb(245, 230, 70);

    public static readonly CvScalar Info = Rgb(90, 180, 255);

    /// <summary>Outlines that keep markers readable on any background.</summary>
    public static readonly CvScalar Outline = Rgb(0, 0, 0);

    /// <summary>A key's colour: any blue key is blue, and so on; null for a set of keys of several colours.</summary>
    public static CvScalar? OfKey(DoomKeys keys) => keys switch
    {
        _ when keys != DoomKeys.None && (keys & ~DoomKeys.AnyBlue) == 0 => BlueKey,
        _ when keys != DoomKeys.None && (keys & ~DoomKeys.AnyYellow) == 0 => YellowKey,
        _ when keys != DoomKeys.None && (keys & ~DoomKeys.AnyRed) == 0 => RedKey,
        _ => null,
    };

    public static CvScalar OfSeverity(BugSeverity severity) => severity switch
    {
        BugSeverity.Critical => Critical,
        BugSeverity.Major => Major,
        BugSeverity.Minor => Minor,
        _ => Info,
    };

    private static CvScalar Rgb(byte r, byte g, byte b) => new(b, g, r);
}
