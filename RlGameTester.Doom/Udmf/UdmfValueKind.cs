namespace RlGameTester.Doom.Udmf;

public enum UdmfValueKind
{
    /// <summary>An integer literal (decimal or 0x hex).</summary>
    WholeNumber,

    /// <summary>A literal with a decimal point or exponent.</summary>
    Fraction,

    /// <summary>A quoted string.</summary>
    Text,

    /// <summary>The keyword true or false.</summary>
    Boolean,

    /// <summary>An unquoted word other than true/false; kept so unknown extensions survive.</summary>
    Keyword,
}
