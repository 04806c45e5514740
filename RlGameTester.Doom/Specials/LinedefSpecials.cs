using System.Collections.Frozen;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// Line specials: vanilla Doom's (1-141), Boom's extended (142-272) and generalised ranges
/// (0x2F80-0x7FFF, decoded from their bit fields), and Hexen/ZDoom's parameterised specials as far as
/// needed to recognise them. Written from the tables of the Doom engine as documented by Ultimate Doom
/// Builder's configurations and the Boom specification.
/// </summary>
public static class LinedefSpecials
{
    private static readonly FrozenDictionary<int, LinedefSpecialInfo> DoomTable = BuildDoom().ToFrozenDictionary(s => s.Number);

    // Plat_Stop (61), Ceiling_CrushStop (44) and Door_CloseWaitOpen (249) leave no plane anywhere new, as Doom's stop
    // lines and close-wait-open doors (FindDoom gives them no move either).
    // Besides, the specials a port reads only when the level loads (GZDoom's table lets nothing set them off later):
    // polyobject and portal markers, lights' control lines, mirrors (Line_Horizon, Plane_Align and the scrollers among them
    // are in the list above; Sector_Set3DFloor is not: ThreeDFloors keeps it on the lines of 3D floors it does not
    // simulate, as a limit); TranslucentLine, which only draws a line see-through, ChangeCamera (cut scenes), Radius_Quake
    // (a shake) and ACS_Suspend and ACS_Terminate, which only take a script's later moves away.
    private static readonly FrozenSet<int> HexenHarmless = FrozenSet.ToFrozenSet([9, 44, 48, 50, 61, 249, 100, 101, 102, 103, 109, 110, 111, 112, 113, 114, 115, 116, 117, 121, 181, 190, 209, 212, 213, 214, 219, 222, 224, 225, 232, 233, 234,
        1, 5, 16, 57, 156, 182, 208, 210, 211, 237, 301, 120, 81, 82]);
    private static readonly FrozenDictionary<int, LinedefSpecialInfo> HexenTable = BuildHexen().ToFrozenDictionary(s => s.Number);

    /// <summary>
    /// Describes a Doom-numbered special (binary Doom levels, UDMF Doom namespace), or null when no
    /// Doom-family engine defines it. Special 0 (none) returns null too.
    /// </summary>
    public static LinedefSpecialInfo? FindDoom(int special)
    {
        if (DoomTable.TryGetValue(special, out var info))
        {
            return info;
        }

        return special is >= GeneralizedRanges.CrusherBase and < GeneralizedRanges.End ? DecodeGeneralized(special) : null;
    }

    /// <summary>Describes a Hexen/ZDoom-numbered special (Hexen-format levels, UDMF ZDoom namespaces), or null.</summary>
    public static LinedefSpecialInfo? FindHexen(int special) =>
        HexenTable.TryGetValue(special, out var info) ? info : null;

    /// <summary>
    /// Whether a Hexen/ZDoom special changes nothing a body's way depends on: lights, colours, fades, damage, friction,
    /// wall scrollers, line and sector identification, static initialisation, slopes (the grids read them as heights).
    /// </summary>
    public static bool IsHexenHarmless(int special) => HexenHarmless.Contains(special);

    /// <summary>
    /// The keys a Hexen/ZDoom-numbered line special's lock argument asks for: Door_LockedRaise and Door_Animated (arg 3),
    /// ACS_LockedExecute, ACS_LockedExecuteDoor and Generic_Door (arg 4); null for a special without a lock.
    /// </summary>
    public static KeyRequirement? HexenLineLock(int special, SpecialArgs args) => special switch
    {
        13 or 14 => HexenLock(args.Arg3),
        83 or 85 or 202 => HexenLock(args.Arg4),
        _ => null,
    };

    /// <summary>
    /// The keys a Hexen-numbered line needs: its special's lock argument, or else UDMF's <c>locknumber</c>, which GZDoom's
    /// P_TestActivateLine checks for any special (<paramref name="acting"/>: the special a script of the line calls, whose
    /// lock argument counts too).
    /// </summary>
    public static KeyRequirement? HexenLineLock(in Linedef line, Linedef? acting = null) =>
        HexenLineLock(line.Special, line.Args) ?? (acting is { } a ? HexenLineLock(a.Special, a.Args) : null) ??
        (line.LockNumber != 0 ? HexenLock(line.LockNumber) : null);

    /// <summary>The keys a Hexen/ZDoom lock number stands for (ZDoom's default Doom LOCKDEFS), or null.</summary>
    public static KeyRequirement? HexenLock(int lockNumber) => lockNumber switch
    {
        1 => KeyRequirement.Single(DoomKeys.RedCard, "red keycard"),
        2 => KeyRequirement.Single(DoomKeys.BlueCard, "blue keycard"),
        3 => KeyRequirement.Single(DoomKeys.YellowCard, "yellow keycard"),
        4 => KeyRequirement.Single(DoomKeys.RedSkull, "red skull key"),
        5 => KeyRequirement.Single(DoomKeys.BlueSkull, "blue skull key"),
        6 => KeyRequirement.Single(DoomKeys.YellowSkull, "yellow skull key"),
        100 => KeyRequirement.Single(DoomKeys.Any, "any key"),
        101 => new KeyRequirement("all six keys", [DoomKeys.RedCard, DoomKeys.BlueCard, DoomKeys.YellowCard, DoomKeys.RedSkull, DoomKeys.BlueSkull, DoomKeys.YellowSkull]),
        129 => KeyRequirement.AnyRed,
        130 => KeyRequirement.AnyBlue,
        131 => KeyRequirement.AnyYellow,
        229 => new KeyRequirement("all three keys", [DoomKeys.AnyRed, DoomKeys.AnyBlue, DoomKeys.AnyYellow]),
        _ => null,
    };

    private static List<LinedefSpecialInfo> BuildDoom()
    {
        var list = new List<LinedefSpecialInfo>();

        void Add(int number, string code, LineEffect effect, string name, KeyRequirement? keys = null, DoomGame game = DoomGame.Doom, bool tagsLines = false, bool noTag = false)
        {
            var trigger = code.Length == 0 ? LineTrigger.None : code[0] switch
            {
                'W' => LineTrigger.Walk,
                'S' => LineTrigger.Switch,
                'G' => LineTrigger.Gun,
                'D' => LineTrigger.Door,
                _ => LineTrigger.None,
            };
            var repeatable = code.Length > 1 && code[1] == 'R';

            // Manual (D) specials act on the sector behind the line; exits end the level; neither uses a tag.
            var usesTag = !noTag && trigger != LineTrigger.Door && effect is not (LineEffect.Exit or LineEffect.SecretExit or LineEffect.None);
            list.Add(new LinedefSpecialInfo(number, name, trigger, repeatable, effect, usesTag, keys, game, false) { TagsLines = tagsLines });
        }

        // Doors.
        Add(1, "DR", LineEffect.Door, "Door open, wait, close (monsters too)");
        Add(2, "W1", LineEffect.Door, "Door open and stay");
        Add(3, "W1", LineEffect.Door, "Door close and stay");
        Add(4, "W1", LineEffect.Door, "Door open, wait, close");
        Add(16, "W1", LineEffect.Door, "Door close, wait 30 s, open");
        Add(26, "DR", LineEffect.LockedDoor, "Blue door open, wait, close", KeyRequirement.AnyBlue);
        Add(27, "DR", LineEffect.LockedDoor, "Yellow door open, wait, close", KeyRequirement.AnyYellow);
        Add(28, "DR", LineEffect.LockedDoor, "Red door open, wait, close", KeyRequirement.AnyRed);
        Add(29, "S1", LineEffect.Door, "Door open, wait, close");
        Add(31, "D1", LineEffect.Door, "Door open and stay");
        Add(32, "D1", LineEffect.LockedDoor, "Blue door open and stay", KeyRequirement.AnyBlue);
        Add(33, "D1", LineEffect.LockedDoor, "Red door open and stay", KeyRequirement.AnyRed);
        Add(34, "D1", LineEffect.LockedDoor, "Yellow door open and stay", KeyRequirement.AnyYellow);
        Add(42, "SR", LineEffect.Door, "Door close and stay");
        Add(46, "GR", LineEffect.Door, "Door open and stay");
        Add(50, "S1", LineEffect.Door, "Door close and stay");
        Add(61, "SR", LineEffect.Door, "Door open and stay");
        Add(63, "SR", LineEffect.Door, "Door open, wait, close");
        Add(75, "WR", LineEffect.Door, "Door close and stay");
        Add(76, "WR", LineEffect.Door, "Door close, wait 30 s, open");
        Add(86, "WR", LineEffect.Door, "Door open and stay");
        Add(90, "WR", LineEffect.Door, "Door open, wait, close");
        Add(99, "SR", LineEffect.LockedDoor, "Blue door open and stay (fast)", KeyRequirement.AnyBlue);
        Add(103, "S1", LineEffect.Door, "Door open and stay");
        Add(105, "WR", LineEffect.Door, "Door open, wait, close (fast)");
        Add(106, "WR", LineEffect.Door, "Door open and stay (fast)");
        Add(107, "WR", LineEffect.Door, "Door close and stay (fast)");
        Add(108, "W1", LineEffect.Door, "Door open, wait, close (fast)");
        Add(109, "W1", LineEffect.Door, "Door open and stay (fast)");
        Add(110, "W1", LineEffect.Door, "Door close and stay (fast)");
        Add(111, "S1", LineEffect.Door, "Door open, wait, close (fast)");
        Add(112, "S1", LineEffect.Door, "Door open and stay (fast)");
        Add(113, "S1", LineEffect.Door, "Door close and stay (fast)");
        Add(114, "SR", LineEffect.Door, "Door open, wait, close (fast)");
        Add(115, "SR", LineEffect.Door, "Door open and stay (fast)");
        Add(116, "SR", LineEffect.Door, "Door close and stay (fast)");
        Add(117, "DR", LineEffect.Door, "Door open, wait, close (fast)");
        Add(118, "D1", LineEffect.Door, "Door open and stay (fast)");
        Add(133, "S1", LineEffect.LockedDoor, "Blue door open and stay (fast)", KeyRequirement.AnyBlue);
        Add(134, "SR", LineEffect.LockedDoor, "Red door open and stay (fast)", KeyRequirement.AnyRed);
        Add(135, "S1", LineEffect.LockedDoor, "Red door open and stay (fast)", KeyRequirement.AnyRed);
        Add(136, "SR", LineEffect.LockedDoor, "Yellow door open and stay (fast)", KeyRequirement.AnyYellow);
        Add(137, "S1", LineEffect.LockedDoor, "Yellow door open and stay (fast)", KeyRequirement.AnyYellow);

        // Floors.
        Add(5, "W1", LineEffect.Floor, "Floor raise to lowest ceiling");
        Add(9, "S1", LineEffect.Donut, "Donut (raise ring floor, lower pillar)");
        Add(18, "S1", LineEffect.Floor, "Floor raise to next higher floor");
        Add(19, "W1", LineEffect.Floor, "Floor lower to highest neighbour floor");
        Add(23, "S1", LineEffect.Floor, "Floor lower to lowest neighbour floor");
        Add(24, "G1", LineEffect.Floor, "Floor raise to lowest ceiling");
        Add(30, "W1", LineEffect.Floor, "Floor raise by shortest lower texture");
        Add(36, "W1", LineEffect.Floor, "Floor lower to 8 above highest neighbour floor (fast)");
        Add(37, "W1", LineEffect.Floor, "Floor lower to lowest neighbour floor, change texture");
        Add(38, "W1", LineEffect.Floor, "Floor lower to lowest neighbour floor");
        Add(45, "SR", LineEffect.Floor, "Floor lower to highest neighbour floor");
        Add(55, "S1", LineEffect.Floor, "Floor raise to 8 below lowest ceiling, crush");
        Add(56, "W1", LineEffect.Floor, "Floor raise to 8 below lowest ceiling, crush");
        Add(58, "W1", LineEffect.Floor, "Floor raise by 24");
        Add(59, "W1", LineEffect.Floor, "Floor raise by 24, change texture and type");
        Add(60, "SR", LineEffect.Floor, "Floor lower to lowest neighbour floor");
        Add(64, "SR", LineEffect.Floor, "Floor raise to lowest ceiling");
        Add(65, "SR", LineEffect.Floor, "Floor raise to 8 below lowest ceiling, crush");
        Add(69, "SR", LineEffect.Floor, "Floor raise to next higher floor");
        Add(70, "SR", LineEffect.Floor, "Floor lower to 8 above highest neighbour floor (fast)");
        Add(71, "S1", LineEffect.Floor, "Floor lower to 8 above highest neighbour floor (fast)");
        Add(82, "WR", LineEffect.Floor, "Floor lower to lowest neighbour floor");
        Add(83, "WR", LineEffect.Floor, "Floor lower to highest neighbour floor");
        Add(84, "WR", LineEffect.Floor, "Floor lower to lowest neighbour floor, change texture");
        Add(91, "WR", LineEffect.Floor, "Floor raise to lowest ceiling");
        Add(92, "WR", LineEffect.Floor, "Floor raise by 24");
        Add(93, "WR", LineEffect.Floor, "Floor raise by 24, change texture and type");
        Add(94, "WR", LineEffect.Floor, "Floor raise to 8 below lowest ceiling, crush");
        Add(96, "WR", LineEffect.Floor, "Floor raise by shortest lower texture");
        Add(98, "WR", LineEffect.Floor, "Floor lower to 8 above highest neighbour floor (fast)");
        Add(101, "S1", LineEffect.Floor, "Floor raise to lowest ceiling");
        Add(102, "S1", LineEffect.Floor, "Floor lower to highest neighbour floor");
        Add(119, "W1", LineEffect.Floor, "Floor raise to next higher floor");
        Add(128, "WR", LineEffect.Floor, "Floor raise to next higher floor");
        Add(129, "WR", LineEffect.Floor, "Floor raise to next higher floor (fast)");
        Add(130, "W1", LineEffect.Floor, "Floor raise to next higher floor (fast)");
        Add(131, "S1", LineEffect.Floor, "Floor raise to next higher floor (fast)");
        Add(132, "SR", LineEffect.Floor, "Floor raise to next higher floor (fast)");
        Add(140, "S1", LineEffect.Floor, "Floor raise by 512");

        // Platforms (moving floors driven by the plat thinker).
        Add(14, "S1", LineEffect.Platform, "Platform raise by 32, change texture");
        Add(15, "S1", LineEffect.Platform, "Platform raise by 24, change texture");
        Add(20, "S1", LineEffect.Platform, "Platform raise to next higher floor, change texture");
        Add(22, "W1", LineEffect.Platform, "Platform raise to next higher floor, change texture");
        Add(47, "G1", LineEffect.Platform, "Platform raise to next higher floor, change texture");
        Add(53, "W1", LineEffect.Platform, "Platform start moving up and down");
        Add(54, "W1", LineEffect.Platform, "Platform stop");
        Add(66, "SR", LineEffect.Platform, "Platform raise by 24, change texture");
        Add(67, "SR", LineEffect.Platform, "Platform raise by 32, change texture");
        Add(68, "SR", LineEffect.Platform, "Platform raise to next higher floor, change texture");
        Add(87, "WR", LineEffect.Platform, "Platform start moving up and down");
        Add(89, "WR", LineEffect.Platform, "Platform stop");
        Add(95, "WR", LineEffect.Platform, "Platform raise to next higher floor, change texture");

        // Lifts.
        Add(10, "W1", LineEffect.Lift, "Lift lower, wait, raise");
        Add(21, "S1", LineEffect.Lift, "Lift lower, wait, raise");
        Add(62, "SR", LineEffect.Lift, "Lift lower, wait, raise");
        Add(88, "WR", LineEffect.Lift, "Lift lower, wait, raise (monsters too)");
        Add(120, "WR", LineEffect.Lift, "Lift lower, wait, raise (fast)");
        Add(121, "W1", LineEffect.Lift, "Lift lower, wait, raise (fast)");
        Add(122, "S1", LineEffect.Lift, "Lift lower, wait, raise (fast)");
        Add(123, "SR", LineEffect.Lift, "Lift lower, wait, raise (fast)");

        // Crushers and ceilings.
        Add(6, "W1", LineEffect.Crusher, "Crusher start (fast)");
        Add(25, "W1", LineEffect.Crusher, "Crusher start");
        Add(49, "S1", LineEffect.Crusher, "Crusher start (ceiling to 8 above floor)");
        Add(57, "W1", LineEffect.Crusher, "Crusher stop");
        Add(73, "WR", LineEffect.Crusher, "Crusher start");
        Add(74, "WR", LineEffect.Crusher, "Crusher stop");
        Add(77, "WR", LineEffect.Crusher, "Crusher start (fast)");
        Add(141, "W1", LineEffect.Crusher, "Crusher start (silent)");
        Add(40, "W1", LineEffect.Ceiling, "Ceiling raise to highest ceiling");
        Add(41, "S1", LineEffect.Ceiling, "Ceiling lower to floor");
        Add(43, "SR", LineEffect.Ceiling, "Ceiling lower to floor");
        Add(44, "W1", LineEffect.Ceiling, "Ceiling lower to 8 above floor");
        Add(72, "WR", LineEffect.Ceiling, "Ceiling lower to 8 above floor");

        // Stairs.
        Add(7, "S1", LineEffect.Stairs, "Stairs raise by 8");
        Add(8, "W1", LineEffect.Stairs, "Stairs raise by 8");
        Add(100, "W1", LineEffect.Stairs, "Stairs raise by 16 (fast)");
        Add(127, "S1", LineEffect.Stairs, "Stairs raise by 16 (fast)");

        // Exits and teleports.
        Add(11, "S1", LineEffect.Exit, "Exit level");
        Add(51, "S1", LineEffect.SecretExit, "Exit to secret level");
        Add(52, "W1", LineEffect.Exit, "Exit level");
        Add(124, "W1", LineEffect.SecretExit, "Exit to secret level");
        Add(39, "W1", LineEffect.Teleport, "Teleport");
        Add(97, "WR", LineEffect.Teleport, "Teleport");
        Add(125, "W1", LineEffect.Teleport, "Teleport (monsters only)");
        Add(126, "WR", LineEffect.Teleport, "Teleport (monsters only)");

        // Lights and scrolling.
        Add(12, "W1", LineEffect.Light, "Light to brightest neighbour");
        Add(13, "W1", LineEffect.Light, "Light to 255");
        Add(17, "W1", LineEffect.Light, "Light start blinking");
        Add(35, "W1", LineEffect.Light, "Light to 35");
        Add(79, "WR", LineEffect.Light, "Light to 35");
        Add(80, "WR", LineEffect.Light, "Light to brightest neighbour");
        Add(81, "WR", LineEffect.Light, "Light to 255");
        Add(104, "W1", LineEffect.Light, "Light to darkest neighbour");
        Add(138, "SR", LineEffect.Light, "Light to 255");
        Add(139, "SR", LineEffect.Light, "Light to 35");
        Add(48, string.Empty, LineEffect.Scroll, "Scroll wall texture left", noTag: true);

        // Boom's extended specials.
        const DoomGame B = DoomGame.Boom;
        Add(142, "W1", LineEffect.Floor, "Floor raise by 512", game: B);
        Add(143, "W1", LineEffect.Platform, "Platform raise by 24, change texture", game: B);
        Add(144, "W1", LineEffect.Platform, "Platform raise by 32, change texture", game: B);
        Add(145, "W1", LineEffect.Ceiling, "Ceiling lower to floor (fast)", game: B);
        Add(146, "W1", LineEffect.Donut, "Donut", game: B);
        Add(147, "WR", LineEffect.Floor, "Floor raise by 512", game: B);
        Add(148, "WR", LineEffect.Platform, "Platform raise by 24, change texture", game: B);
        Add(149, "WR", LineEffect.Platform, "Platform raise by 32, change texture", game: B);
        Add(150, "WR", LineEffect.Crusher, "Crusher start (silent)", game: B);
        Add(151, "WR", LineEffect.Ceiling, "Ceiling raise to highest ceiling", game: B);
        Add(152, "WR", LineEffect.Ceiling, "Ceiling lower to floor (fast)", game: B);
        Add(153, "W1", LineEffect.ChangeTexture, "Change floor texture and type", game: B);
        Add(154, "WR", LineEffect.ChangeTexture, "Change floor texture and type", game: B);
        Add(155, "WR", LineEffect.Donut, "Donut", game: B);
        Add(156, "WR", LineEffect.Light, "Light start blinking", game: B);
        Add(157, "WR", LineEffect.Light, "Light to darkest neighbour", game: B);
        Add(158, "S1", LineEffect.Floor, "Floor raise by shortest lower texture", game: B);
        Add(159, "S1", LineEffect.Floor, "Floor lower to lowest neighbour floor, change texture", game: B);
        Add(160, "S1", LineEffect.Floor, "Floor raise by 24, change texture and type", game: B);
        Add(161, "S1", LineEffect.Floor, "Floor raise by 24", game: B);
        Add(162, "S1", LineEffect.Platform, "Platform start moving up and down", game: B);
        Add(163, "S1", LineEffect.Platform, "Platform stop", game: B);
        Add(164, "S1", LineEffect.Crusher, "Crusher start (fast)", game: B);
        Add(165, "S1", LineEffect.Crusher, "Crusher start (silent)", game: B);
        Add(166, "S1", LineEffect.Ceiling, "Ceiling raise to highest ceiling", game: B);
        Add(167, "S1", LineEffect.Ceiling, "Ceiling lower to 8 above floor", game: B);
        Add(168, "S1", LineEffect.Crusher, "Crusher stop", game: B);
        Add(169, "S1", LineEffect.Light, "Light to brightest neighbour", game: B);
        Add(170, "S1", LineEffect.Light, "Light to 35", game: B);
        Add(171, "S1", LineEffect.Light, "Light to 255", game: B);
        Add(172, "S1", LineEffect.Light, "Light start blinking", game: B);
        Add(173, "S1", LineEffect.Light, "Light to darkest neighbour", game: B);
        Add(174, "S1", LineEffect.Teleport, "Teleport (monsters too)", game: B);
        Add(175, "S1", LineEffect.Door, "Door close, wait 30 s, open", game: B);
        Add(176, "SR", LineEffect.Floor, "Floor raise by shortest lower texture", game: B);
        Add(177, "SR", LineEffect.Floor, "Floor lower to lowest neighbour floor, change texture", game: B);
        Add(178, "SR", LineEffect.Floor, "Floor raise by 512", game: B);
        Add(179, "SR", LineEffect.Floor, "Floor raise by 24, change texture and type", game: B);
        Add(180, "SR", LineEffect.Floor, "Floor raise by 24", game: B);
        Add(181, "SR", LineEffect.Platform, "Platform start moving up and down", game: B);
        Add(182, "SR", LineEffect.Platform, "Platform stop", game: B);
        Add(183, "SR", LineEffect.Crusher, "Crusher start (fast)", game: B);
        Add(184, "SR", LineEffect.Crusher, "Crusher start", game: B);
        Add(185, "SR", LineEffect.Crusher, "Crusher start (silent)", game: B);
        Add(186, "SR", LineEffect.Ceiling, "Ceiling raise to highest ceiling", game: B);
        Add(187, "SR", LineEffect.Ceiling, "Ceiling lower to 8 above floor", game: B);
        Add(188, "SR", LineEffect.Crusher, "Crusher stop", game: B);
        Add(189, "S1", LineEffect.ChangeTexture, "Change floor texture and type", game: B);
        Add(190, "SR", LineEffect.ChangeTexture, "Change floor texture and type", game: B);
        Add(191, "SR", LineEffect.Donut, "Donut", game: B);
        Add(192, "SR", LineEffect.Light, "Light to brightest neighbour", game: B);
        Add(193, "SR", LineEffect.Light, "Light start blinking", game: B);
        Add(194, "SR", LineEffect.Light, "Light to darkest neighbour", game: B);
        Add(195, "SR", LineEffect.Teleport, "Teleport (monsters too)", game: B);
        Add(196, "SR", LineEffect.Door, "Door close, wait 30 s, open", game: B);
        Add(197, "G1", LineEffect.Exit, "Exit level", game: B);
        Add(198, "G1", LineEffect.SecretExit, "Exit to secret level", game: B);
        Add(199, "W1", LineEffect.Ceiling, "Ceiling lower to lowest neighbour ceiling", game: B);
        Add(200, "W1", LineEffect.Ceiling, "Ceiling lower to highest neighbour floor", game: B);
        Add(201, "WR", LineEffect.Ceiling, "Ceiling lower to lowest neighbour ceiling", game: B);
        Add(202, "WR", LineEffect.Ceiling, "Ceiling lower to highest neighbour floor", game: B);
        Add(203, "S1", LineEffect.Ceiling, "Ceiling lower to lowest neighbour ceiling", game: B);
        Add(204, "S1", LineEffect.Ceiling, "Ceiling lower to highest neighbour floor", game: B);
        Add(205, "SR", LineEffect.Ceiling, "Ceiling lower to lowest neighbour ceiling", game: B);
        Add(206, "SR", LineEffect.Ceiling, "Ceiling lower to highest neighbour floor", game: B);
        Add(207, "W1", LineEffect.Teleport, "Silent teleport (monsters too)", game: B);
        Add(208, "WR", LineEffect.Teleport, "Silent teleport (monsters too)", game: B);
        Add(209, "S1", LineEffect.Teleport, "Silent teleport (monsters too)", game: B);
        Add(210, "SR", LineEffect.Teleport, "Silent teleport (monsters too)", game: B);
        Add(211, "SR", LineEffect.Platform, "Platform raise to ceiling instantly (toggle)", game: B);
        Add(212, "WR", LineEffect.Platform, "Platform raise to ceiling instantly (toggle)", game: B);
        Add(213, string.Empty, LineEffect.Transfer, "Transfer floor light to tagged sectors", game: B);
        for (var scroller = 214; scroller <= 218; scroller++)
        {
            Add(scroller, string.Empty, LineEffect.Scroll, "Accelerating scroller (tagged sectors)", game: B);
        }

        Add(219, "W1", LineEffect.Floor, "Floor lower to next lower floor", game: B);
        Add(220, "WR", LineEffect.Floor, "Floor lower to next lower floor", game: B);
        Add(221, "S1", LineEffect.Floor, "Floor lower to next lower floor", game: B);
        Add(222, "SR", LineEffect.Floor, "Floor lower to next lower floor", game: B);
        Add(223, string.Empty, LineEffect.Transfer, "Friction on tagged sectors", game: B);
        Add(224, string.Empty, LineEffect.Transfer, "Wind on tagged sectors", game: B);
        Add(225, string.Empty, LineEffect.Transfer, "Current on tagged sectors", game: B);
        Add(226, string.Empty, LineEffect.Transfer, "Point push/pull in tagged sectors", game: B);
        Add(227, "W1", LineEffect.Platform, "Elevator up to next higher floor", game: B);
        Add(228, "WR", LineEffect.Platform, "Elevator up to next higher floor", game: B);
        Add(229, "S1", LineEffect.Platform, "Elevator up to next higher floor", game: B);
        Add(230, "SR", LineEffect.Platform, "Elevator up to next higher floor", game: B);
        Add(231, "W1", LineEffect.Platform, "Elevator down to next lower floor", game: B);
        Add(232, "WR", LineEffect.Platform, "Elevator down to next lower floor", game: B);
        Add(233, "S1", LineEffect.Platform, "Elevator down to next lower floor", game: B);
        Add(234, "SR", LineEffect.Platform, "Elevator down to next lower floor", game: B);
        Add(235, "W1", LineEffect.Platform, "Elevator to the switch's floor", game: B);
        Add(236, "WR", LineEffect.Platform, "Elevator to the switch's floor", game: B);
        Add(237, "S1", LineEffect.Platform, "Elevator to the switch's floor", game: B);
        Add(238, "SR", LineEffect.Platform, "Elevator to the switch's floor", game: B);
        Add(239, "W1", LineEffect.ChangeTexture, "Change floor texture and type (numeric model)", game: B);
        Add(240, "WR", LineEffect.ChangeTexture, "Change floor texture and type (numeric model)", game: B);
        Add(241, "S1", LineEffect.ChangeTexture, "Change floor texture and type (numeric model)", game: B);
        Add(78, "SR", LineEffect.ChangeTexture, "Change floor texture and type (numeric model)", game: B);
        Add(242, string.Empty, LineEffect.Transfer, "Fake floor and ceiling (deep water)", game: B);
        Add(243, "W1", LineEffect.LineTeleport, "Silent line teleport", game: B);
        Add(244, "WR", LineEffect.LineTeleport, "Silent line teleport", game: B);
        for (var scroller = 245; scroller <= 253; scroller++)
        {
            Add(scroller, string.Empty, LineEffect.Scroll, "Scroller (tagged sectors)", game: B);
        }

        Add(254, string.Empty, LineEffect.Scroll, "Scroll tagged walls by line vector", game: B, tagsLines: true);
        Add(255, string.Empty, LineEffect.None, "Scroll wall by sidedef offsets", game: B);
        Add(85, string.Empty, LineEffect.Scroll, "Scroll wall texture right", game: B, noTag: true);
        Add(256, "WR", LineEffect.Stairs, "Stairs raise by 8", game: B);
        Add(257, "WR", LineEffect.Stairs, "Stairs raise by 16 (fast)", game: B);
        Add(258, "SR", LineEffect.Stairs, "Stairs raise by 8", game: B);
        Add(259, "SR", LineEffect.Stairs, "Stairs raise by 16 (fast)", game: B);
        Add(260, string.Empty, LineEffect.Transfer, "Translucent middle texture (tagged lines)", game: B, tagsLines: true);
        Add(261, string.Empty, LineEffect.Transfer, "Transfer ceiling light to tagged sectors", game: B);
        Add(262, "W1", LineEffect.LineTeleport, "Silent line teleport (reversed)", game: B);
        Add(263, "WR", LineEffect.LineTeleport, "Silent line teleport (reversed)", game: B);
        Add(264, "W1", LineEffect.LineTeleport, "Silent line teleport, monsters only (reversed)", game: B);
        Add(265, "WR", LineEffect.LineTeleport, "Silent line teleport, monsters only (reversed)", game: B);
        Add(266, "W1", LineEffect.LineTeleport, "Silent line teleport, monsters only", game: B);
        Add(267, "WR", LineEffect.LineTeleport, "Silent line teleport, monsters only", game: B);
        Add(268, "W1", LineEffect.Teleport, "Silent teleport, monsters only", game: B);
        Add(269, "WR", LineEffect.Teleport, "Silent teleport, monsters only", game: B);
        Add(271, string.Empty, LineEffect.Transfer, "Transfer sky texture to tagged sectors", game: DoomGame.Mbf);
        Add(272, string.Empty, LineEffect.Transfer, "Transfer sky texture to tagged sectors (flipped)", game: DoomGame.Mbf);

        // MBF21's wall and floor scrollers.
        Add(1024, string.Empty, LineEffect.Scroll, "Scroll tagged walls by sidedef offsets", game: DoomGame.Mbf, tagsLines: true);
        Add(1025, string.Empty, LineEffect.Scroll, "Scroll tagged walls by sidedef offsets, displacement", game: DoomGame.Mbf, tagsLines: true);
        Add(1026, string.Empty, LineEffect.Scroll, "Scroll tagged walls by sidedef offsets, accelerative", game: DoomGame.Mbf, tagsLines: true);

        // Doom-format extensions of ZDoom and Eternity (3D floors, slopes, polyobjects, portals, FraggleScript):
        // not vanilla or Boom, but not unknown either. Their tags mean different things, so no tag rules apply.
        int[] zdoomExtensions =
        [
            270, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293,
            294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 332, 333, 334, 335, 336, 337, 338, 339, 340,
            341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362,
            363, 364, 376, 377, 379, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396,
            398, 399, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422,
            423, 424, 425, 426, 427, 428, 434, 435, 436, 437, 438, 439,
        ];
        foreach (var number in zdoomExtensions)
        {
            if (!list.Exists(i => i.Number == number))
            {
                list.Add(new LinedefSpecialInfo(number, $"ZDoom/Eternity extension {number}", LineTrigger.None, false, LineEffect.Other, false, null, DoomGame.ZDoom, false));
            }
        }

        return list;
    }

    // Boom generalised types: bits 0-2 are the trigger (W1, WR, S1, SR, G1, GR, D1, DR) in every class.
    private static LinedefSpecialInfo DecodeGeneralized(int special)
    {
        var triggerBits = special & 7;
        var trigger = (triggerBits >> 1) switch
        {
            0 => LineTrigger.Walk,
            1 => LineTrigger.Switch,
            2 => LineTrigger.Gun,
            _ => LineTrigger.Door,
        };
        var repeatable = (triggerBits & 1) != 0;
        var usesTag = trigger != LineTrigger.Door;
        var (effect, name, keys) = special switch
        {
            >= GeneralizedRanges.FloorBase => (LineEffect.Floor, "Generalised floor", (KeyRequirement?)null),
            >= GeneralizedRanges.CeilingBase => (LineEffect.Ceiling, "Generalised ceiling", null),
            >= GeneralizedRanges.DoorBase => (LineEffect.Door, "Generalised door", null),
            >= GeneralizedRanges.LockedDoorBase => (LineEffect.LockedDoor, "Generalised locked door", GeneralizedLock(special)),
            >= GeneralizedRanges.LiftBase => (LineEffect.Lift, "Generalised lift", null),
            >= GeneralizedRanges.StairsBase => (LineEffect.Stairs, "Generalised stairs", null),
            _ => (LineEffect.Crusher, "Generalised crusher", null),
        };
        return new LinedefSpecialInfo(special, name, trigger, repeatable, effect, usesTag, keys, DoomGame.Boom, true);
    }

    // Locked doors: bits 6-8 name the key, bit 9 makes a keycard and a skull key of one colour equivalent.
    private static KeyRequirement GeneralizedLock(int special)
    {
        var key = (special >> 6) & 7;
        var sameColour = (special & 0x200) != 0;
        if (sameColour)
        {
            return key switch
            {
                0 => KeyRequirement.Single(DoomKeys.Any, "any key"),
                1 or 4 => KeyRequirement.AnyRed,
                2 or 5 => KeyRequirement.AnyBlue,
                3 or 6 => KeyRequirement.AnyYellow,
                _ => new KeyRequirement("all three keys", [DoomKeys.AnyRed, DoomKeys.AnyBlue, DoomKeys.AnyYellow]),
            };
        }

        return key switch
        {
            0 => KeyRequirement.Single(DoomKeys.Any, "any key"),
            1 => KeyRequirement.Single(DoomKeys.RedCard, "red keycard"),
            2 => KeyRequirement.Single(DoomKeys.BlueCard, "blue keycard"),
            3 => KeyRequirement.Single(DoomKeys.YellowCard, "yellow keycard"),
            4 => KeyRequirement.Single(DoomKeys.RedSkull, "red skull key"),
            5 => KeyRequirement.Single(DoomKeys.BlueSkull, "blue skull key"),
            6 => KeyRequirement.Single(DoomKeys.YellowSkull, "yellow skull key"),
            _ => new KeyRequirement("all six keys", [DoomKeys.RedCard, DoomKeys.BlueCard, DoomKeys.YellowCard, DoomKeys.RedSkull, DoomKeys.BlueSkull, DoomKeys.YellowSkull]),
        };
    }

    // Hexen/ZDoom specials: every number ZDoom defines is known; only those checks reason about get an effect.
    private static List<LinedefSpecialInfo> BuildHexen()
    {
        var effects = new Dictionary<int, (LineEffect Effect, string Name)>
        {
            [10] = (LineEffect.Door, "Door_Close"),
            [11] = (LineEffect.Door, "Door_Open"),
            [12] = (LineEffect.Door, "Door_Raise"),
            [13] = (LineEffect.LockedDoor, "Door_LockedRaise"),
            [14] = (LineEffect.Door, "Door_Animated"),
            [202] = (LineEffect.Door, "Generic_Door"),
            [249] = (LineEffect.Door, "Door_CloseWaitOpen"),
            [20] = (LineEffect.Floor, "Floor_LowerByValue"),
            [21] = (LineEffect.Floor, "Floor_LowerToLowest"),
            [22] = (LineEffect.Floor, "Floor_LowerToNearest"),
            [23] = (LineEffect.Floor, "Floor_RaiseByValue"),
            [24] = (LineEffect.Floor, "Floor_RaiseToHighest"),
            [25] = (LineEffect.Floor, "Floor_RaiseToNearest"),
            [26] = (LineEffect.Stairs, "Stairs_BuildDown"),
            [27] = (LineEffect.Stairs, "Stairs_BuildUp"),
            [31] = (LineEffect.Stairs, "Stairs_BuildDownSync"),
            [32] = (LineEffect.Stairs, "Stairs_BuildUpSync"),
            [217] = (LineEffect.Stairs, "Stairs_BuildUpDoom"),
            [270] = (LineEffect.Stairs, "Stairs_BuildDownDoom"),
            [271] = (LineEffect.Stairs, "Stairs_BuildUpDoomSync"),
            [272] = (LineEffect.Stairs, "Stairs_BuildDownDoomSync"),
            [273] = (LineEffect.Stairs, "Stairs_BuildUpDoomCrush"),
            [240] = (LineEffect.Floor, "Floor_RaiseByTexture"),
            [250] = (LineEffect.Floor, "Floor_Donut"),
            [28] = (LineEffect.Floor, "Floor_RaiseAndCrush"),
            [35] = (LineEffect.Floor, "Floor_RaiseByValueTimes8"),
            [36] = (LineEffect.Floor, "Floor_LowerByValueTimes8"),
            [37] = (LineEffect.Floor, "Floor_MoveToValue"),
            [66] = (LineEffect.Floor, "Floor_LowerInstant"),
            [67] = (LineEffect.Floor, "Floor_RaiseInstant"),
            [68] = (LineEffect.Floor, "Floor_MoveToValueTimes8"),
            [200] = (LineEffect.Floor, "Generic_Floor"),
            [238] = (LineEffect.Floor, "Floor_RaiseToLowestCeiling"),
            [239] = (LineEffect.Floor, "Floor_RaiseByValueTxTy"),
            [241] = (LineEffect.Floor, "Floor_LowerToLowestTxTy"),
            [242] = (LineEffect.Floor, "Floor_LowerToHighest"),
            [256] = (LineEffect.Floor, "Floor_LowerToHighestEE"),
            [258] = (LineEffect.Floor, "Floor_LowerToLowestCeiling"),
            [259] = (LineEffect.Floor, "Floor_RaiseToCeiling"),
            [260] = (LineEffect.Floor, "Floor_ToCeilingInstant"),
            [47] = (LineEffect.Ceiling, "Ceiling_MoveToValue"),
            [69] = (LineEffect.Ceiling, "Ceiling_MoveToValueTimes8"),
            [192] = (LineEffect.Ceiling, "Ceiling_LowerToHighestFloor"),
            [193] = (LineEffect.Ceiling, "Ceiling_LowerInstant"),
            [194] = (LineEffect.Ceiling, "Ceiling_RaiseInstant"),
            [198] = (LineEffect.Ceiling, "Ceiling_RaiseByValueTimes8"),
            [199] = (LineEffect.Ceiling, "Ceiling_LowerByValueTimes8"),
            [201] = (LineEffect.Ceiling, "Generic_Ceiling"),
            [253] = (LineEffect.Ceiling, "Ceiling_LowerToLowest"),
            [254] = (LineEffect.Ceiling, "Ceiling_LowerToFloor"),
            [262] = (LineEffect.Ceiling, "Ceiling_RaiseToHighest"),
            [266] = (LineEffect.Ceiling, "Ceiling_RaiseToHighestFloor"),
            [267] = (LineEffect.Ceiling, "Ceiling_ToFloorInstant"),
            [40] = (LineEffect.Ceiling, "Ceiling_LowerByValue"),
            [41] = (LineEffect.Ceiling, "Ceiling_RaiseByValue"),
            [42] = (LineEffect.Crusher, "Ceiling_CrushAndRaise"),
            [43] = (LineEffect.Crusher, "Ceiling_LowerAndCrush"),
            [44] = (LineEffect.Crusher, "Ceiling_CrushStop"),
            [195] = (LineEffect.Crusher, "Ceiling_CrushRaiseAndStayA"),
            [196] = (LineEffect.Crusher, "Ceiling_CrushAndRaiseA"),
            [197] = (LineEffect.Crusher, "Ceiling_CrushAndRaiseSilentA"),
            [60] = (LineEffect.Platform, "Plat_PerpetualRaise"),
            [61] = (LineEffect.Platform, "Plat_Stop"),
            [62] = (LineEffect.Lift, "Plat_DownWaitUpStay"),
            [63] = (LineEffect.Platform, "Plat_DownByValue"),
            [64] = (LineEffect.Platform, "Plat_UpWaitDownStay"),
            [65] = (LineEffect.Platform, "Plat_UpByValue"),
            [172] = (LineEffect.Platform, "Plat_UpNearestWaitDownStay"),
            [206] = (LineEffect.Lift, "Plat_DownWaitUpStayLip"),
            [207] = (LineEffect.Platform, "Plat_PerpetualRaiseLip"),
            [95] = (LineEffect.Platform, "FloorAndCeiling_LowerByValue"),
            [96] = (LineEffect.Platform, "FloorAndCeiling_RaiseByValue"),
            [245] = (LineEffect.Platform, "Elevator_RaiseToNearest"),
            [246] = (LineEffect.Platform, "Elevator_MoveToFloor"),
            [247] = (LineEffect.Platform, "Elevator_LowerToNearest"),
            [228] = (LineEffect.Platform, "Plat_RaiseAndStayTx0"),
            [230] = (LineEffect.Platform, "Plat_UpByValueStayTx"),
            [55] = (LineEffect.Other, "Line_SetBlocking"),
            [70] = (LineEffect.Teleport, "Teleport"),
            [71] = (LineEffect.Teleport, "Teleport_NoFog"),
            [74] = (LineEffect.Exit, "Teleport_NewMap"),
            [75] = (LineEffect.Exit, "Teleport_EndGame"),
            [80] = (LineEffect.Script, "ACS_Execute"),
            [83] = (LineEffect.Script, "ACS_LockedExecute"),
            [84] = (LineEffect.Script, "ACS_ExecuteWithResult"),
            [85] = (LineEffect.Script, "ACS_LockedExecuteDoor"),
            [226] = (LineEffect.Script, "ACS_ExecuteAlways"),
            [215] = (LineEffect.LineTeleport, "Teleport_Line"),
            [243] = (LineEffect.Exit, "Exit_Normal"),
            [244] = (LineEffect.SecretExit, "Exit_Secret"),
        };

        var list = new List<LinedefSpecialInfo>();
        for (var number = 1; number <= 283; number++)
        {
            var (effect, name) = effects.TryGetValue(number, out var known) ? known : (LineEffect.Other, $"Special {number}");
            list.Add(new LinedefSpecialInfo(number, name, LineTrigger.None, false, effect, false, null, DoomGame.ZDoom, false));
        }

        return list;
    }
}
