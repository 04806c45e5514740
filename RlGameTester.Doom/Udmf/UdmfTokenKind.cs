namespace RlGameTester.Doom.Udmf;

internal enum UdmfTokenKind
{
    End,
    Identifier,
    Integer,
    Float,
    String,
    Keyword,
    OpenBrace,
    CloseBrace,
    Equals,
    Semicolon,
}
