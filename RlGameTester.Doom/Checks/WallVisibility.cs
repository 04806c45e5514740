namespace RlGameTester.Doom.Checks;

/// <summary>Who can see a wall, as far as the static checks can tell.</summary>
internal enum WallVisibility
{
    /// <summary>No player can see it (sealed control sectors, closed-off monster closets).</summary>
    Never,

    /// <summary>Only a player standing in its own sector (a pit or closet a player can drop into) sees it.</summary>
    FromInside,

    /// <summary>Seen from elsewhere, through another line of its sector.</summary>
    PlainView,
}
