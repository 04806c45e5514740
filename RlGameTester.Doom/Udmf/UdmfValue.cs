using System.Globalization;

namespace RlGameTester.Doom.Udmf;

/// <summary>The value of one UDMF assignment.</summary>
public readonly record struct UdmfValue(UdmfValueKind Kind, double Number, string? Text, int Line)
{
    public bool IsNumber => Kind is UdmfValueKind.WholeNumber or UdmfValueKind.Fraction;

    public bool AsBoolean() => Kind switch
    {
        UdmfValueKind.Boolean => Number != 0,
        UdmfValueKind.WholeNumber or UdmfValueKind.Fraction => Number != 0,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        UdmfValueKind.Text => $"\"{Text}\"",
        UdmfValueKind.Keyword or UdmfValueKind.Malformed => Text ?? string.Empty,
        UdmfValueKind.Boolean => Number != 0 ? "true" : "false",
        _ => Number.ToString(CultureInfo.InvariantCulture),
    };
}
