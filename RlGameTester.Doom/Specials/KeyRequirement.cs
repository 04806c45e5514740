namespace RlGameTester.Doom.Specials;

/// <summary>
/// The keys a locked line needs: every group must be satisfied, and any key in a group satisfies it.
/// Vanilla's blue door is one group {blue card, blue skull}; Boom's "all six keys" is six groups of one.
/// </summary>
public sealed record KeyRequirement(string Description, IReadOnlyList<DoomKeys> Groups)
{
    public bool IsSatisfiedBy(DoomKeys available)
    {
        foreach (var group in Groups)
        {
            if ((group & available) == 0)
            {
                return false;
            }
        }

        return true;
    }

    internal static KeyRequirement Single(DoomKeys anyOf, string description) => new(description, [anyOf]);

    internal static readonly KeyRequirement AnyBlue = Single(DoomKeys.AnyBlue, "blue key");
    internal static readonly KeyRequirement AnyYellow = Single(DoomKeys.AnyYellow, "yellow key");
    internal static readonly KeyRequirement AnyRed = Single(DoomKeys.AnyRed, "red key");
}
