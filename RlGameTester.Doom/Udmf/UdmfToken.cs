namespace RlGameTester.Doom.Udmf;

internal readonly record struct UdmfToken(UdmfTokenKind Kind, string Text, double Number, int Line);
