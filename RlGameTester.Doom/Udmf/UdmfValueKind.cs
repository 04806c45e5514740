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

    /// <summary>
    /// More than one token before the ';' (<see cref="UdmfValue.Text"/> holds those after the first). dsda-doom skips
    /// such a value under a key it does not read; no port reads it under a key it knows.
    /// </summary>
    Malformed,
}
