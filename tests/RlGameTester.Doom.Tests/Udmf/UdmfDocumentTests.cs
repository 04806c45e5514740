using RlGameTester.Doom.Udmf;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Udmf;

public sealed class UdmfDocumentTests
{
    [Fact]
    public void CommentsAreSkippedAndKeysAreCaseInsensitive()
    {
        var document = UdmfDocument.Parse("""
            /* a block comment
               over lines */ NameSpace = "ZDoom"; // trailing comment
            Thing { X = 1; y = -2.5; Skill1 = TRUE; }
            """);

        Assert.Equal("zdoom", document.Namespace);
        var thing = Assert.Single(document.Blocks);
        Assert.Equal("thing", thing.Name);
        Assert.Equal(3, thing.Line);
        Assert.Equal(1, thing.Fields["x"].Number);
        Assert.Equal(UdmfValueKind.Fraction, thing.Fields["y"].Kind);
        Assert.Equal(-2.5, thing.Fields["y"].Number);
        Assert.True(thing.Fields["skill1"].AsBoolean());
    }

    [Fact]
    public void NumbersMayBeHexExponentsOrSigned()
    {
        var block = UdmfDocument.Parse("a { h = 0x1F; e = 1.5e2; n = -7; p = +3; z = 0; }").Blocks[0];

        Assert.Equal(31, block.Fields["h"].Number);
        Assert.Equal(150, block.Fields["e"].Number);
        Assert.Equal(-7, block.Fields["n"].Number);
        Assert.Equal(3, block.Fields["p"].Number);
        Assert.Equal(UdmfValueKind.WholeNumber, block.Fields["z"].Kind);
    }

    [Fact]
    public void StringsKeepEscapedQuotesAndBackslashes()
    {
        var block = UdmfDocument.Parse("""s { comment = "say \"hi\" \\ now"; }""").Blocks[0];

        Assert.Equal("say \"hi\" \\ now", block.Fields["comment"].Text);
    }

    [Fact]
    public void UnknownBlocksKeysAndKeywordsAreKept()
    {
        var document = UdmfDocument.Parse("custom_block { user_thing = 1; mode = fancy; } linedef { v1 = 0; v2 = 1; }");

        Assert.Equal(2, document.Blocks.Count);
        Assert.Equal(UdmfValueKind.Keyword, document.Blocks[0].Fields["mode"].Kind);
        Assert.Equal("fancy", document.Blocks[0].Fields["mode"].Text);
        Assert.Null(document.Namespace);
    }

    [Theory]
    [InlineData("thing { x = 1 }", "line 1: expected ';' after the value of \"x\", found \"}\"")]
    [InlineData("thing { x = ; }", "line 1: expected a value for \"x\", found \";\"")]
    [InlineData("thing { x = 1;", "line 1: the thing block opened on line 1 is never closed with '}'")]
    [InlineData("thing x = 1;", "line 1: expected '=' or '{' after \"thing\", found \"x\"")]
    [InlineData("s = \"open", "line 1: a quoted string is never closed")]
    [InlineData("thing { x = 1; /* never closed", "line 1: the thing block opened on line 1 is never closed with '}' (a /* comment opened on line 1 runs to the end)")]
    [InlineData("thing { x = 1 2 }", "line 1: expected ';' after the value of \"x\", found \"2\"")]
    [InlineData("thing { = 1; }", "line 1: expected a field name in the thing block, found \"=\"")]
    [InlineData("; thing { }", "line 1: expected a block name or a global assignment, found \";\"")]
    [InlineData("\n\n= 3;", "line 3: expected a block name or a global assignment, found \"=\"")]
    public void GrammarErrorsSayWhatAndWhere(string text, string message)
    {
        var error = Assert.Throws<WadFormatException>(() => UdmfDocument.Parse(text));

        Assert.Equal(message, error.Message);
    }
}
