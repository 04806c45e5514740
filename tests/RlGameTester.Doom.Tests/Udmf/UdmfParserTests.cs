using RlGameTester.Doom.Udmf;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Udmf;

/// <summary>What GZDoom's scanner and UDMF parser accept, accepted here too; and the limits that bound the work.</summary>
public sealed class UdmfParserTests
{
    [Fact]
    public void NumbersWordsAndQuotedNamesAreFieldNames()
    {
        var block = UdmfDocument.Parse("""thing { 1 = true; 2.5 = 3; "X" = 4; user-x = 5; 0x10 = 6; }""").Blocks[0];

        Assert.Equal(["1", "2.5", "x", "user-x", "0x10"], block.Fields.Keys);
        Assert.Equal(UdmfValueKind.Boolean, block.Fields["1"].Kind);
        Assert.Equal(4, block.Fields["x"].Number);
    }

    [Fact]
    public void ZeroLedIntegersAreOctalAndCSuffixesAreIgnored()
    {
        var block = UdmfDocument.Parse("a { o = 010; stop = 09; u = 10u; ul = 0x10UL; f = 1.5f; e = 2e1F; z = 0; }").Blocks[0];

        Assert.Equal(8, block.Fields["o"].Number);
        Assert.Equal(0, block.Fields["stop"].Number);
        Assert.Equal(10, block.Fields["u"].Number);
        Assert.Equal(16, block.Fields["ul"].Number);
        Assert.Equal((UdmfValueKind.Fraction, 1.5), (block.Fields["f"].Kind, block.Fields["f"].Number));
        Assert.Equal(20, block.Fields["e"].Number);
        Assert.Equal(UdmfValueKind.WholeNumber, block.Fields["z"].Kind);
    }

    [Fact]
    public void ASignApartFromItsNumberIsOneValue()
    {
        var block = UdmfDocument.Parse("a { n = - 5; p = + 2.5; lone = -; }").Blocks[0];

        Assert.Equal((UdmfValueKind.WholeNumber, -5.0), (block.Fields["n"].Kind, block.Fields["n"].Number));
        Assert.Equal((UdmfValueKind.Fraction, 2.5), (block.Fields["p"].Kind, block.Fields["p"].Number));
        Assert.Equal((UdmfValueKind.Keyword, "-"), (block.Fields["lone"].Kind, block.Fields["lone"].Text));
    }

    [Fact]
    public void NumbersTooLargeForAnyIntegerAreReadForTheLevelReaderToJudge()
    {
        var block = UdmfDocument.Parse("a { i = 999999999999999999999999999999; h = -0xFFFFFFFFFFFFFFFFFFFF; f = 1e999; }").Blocks[0];

        Assert.Equal(1e30, block.Fields["i"].Number, 1e16);
        Assert.Equal(double.NegativeInfinity, block.Fields["h"].Number);
        Assert.Equal(double.PositiveInfinity, block.Fields["f"].Number);
    }

    [Fact]
    public void PunctuationAndSingleQuotedNamesAreWordValues()
    {
        var block = UdmfDocument.Parse("a { p = (; q = 'a name'; r = /; s = $x; }").Blocks[0];

        Assert.All(block.Fields.Values, v => Assert.Equal(UdmfValueKind.Keyword, v.Kind));
        Assert.Equal(["(", "'a name'", "/", "$x"], block.Fields.Values.Select(v => v.Text));
    }

    [Fact]
    public void SeveralTokensBeforeTheSemicolonAreKeptAsOneMalformedValue()
    {
        var block = UdmfDocument.Parse("""a { k = 1 2 "three"; next = 4; }""").Blocks[0];

        Assert.Equal((UdmfValueKind.Malformed, "2 \"three\""), (block.Fields["k"].Kind, block.Fields["k"].Text));
        Assert.Equal(4, block.Fields["next"].Number);
    }

    [Fact]
    public void AKeyAssignedTwiceKeepsItsLastValueAndIsRemembered()
    {
        var block = UdmfDocument.Parse("a { x = 1; y = 2; X = 3; }").Blocks[0];

        Assert.Equal(3, block.Fields["x"].Number);
        Assert.Equal(["x"], block.DuplicateKeys);
    }

    [Fact]
    public void BlocksNestedInABlockAreSkippedWholeAndRemembered()
    {
        var document = UdmfDocument.Parse("a { inner { b { c = 1; } d = 2; } x = 1; } custom { deep { } }");

        Assert.Equal(["x"], document.Blocks[0].Fields.Keys);
        Assert.Equal(["inner"], document.Blocks[0].NestedBlocks);
        Assert.Equal(["deep"], document.Blocks[1].NestedBlocks);
    }

    [Fact]
    public void ACommentLeftOpenAfterTheLastBlockEndsTheText()
    {
        var parser = new UdmfParser("a { x = 1; }\n/* the rest\nb { y = 2; }");

        Assert.True(parser.Next(out var statement));
        Assert.Equal("a", statement.Name);
        Assert.False(parser.Next(out _));
        Assert.Equal(2, parser.UnclosedCommentLine);
    }

    [Fact]
    public void AStringLongerThanTheTokenLimitIsRefused()
    {
        var text = $"a {{ comment = \"{new string('x', UdmfTokenizer.MaxTokenLength + 1)}\"; }}";

        var error = Assert.Throws<WadFormatException>(() => UdmfDocument.Parse(text));

        Assert.Equal($"line 1: a quoted string is longer than {UdmfTokenizer.MaxTokenLength} characters", error.Message);
    }

    [Fact]
    public void AWordLongerThanTheTokenLimitIsRefused()
    {
        var text = $"a {{ {new string('k', UdmfTokenizer.MaxTokenLength + 1)} = 1; }}";

        var error = Assert.Throws<WadFormatException>(() => UdmfDocument.Parse(text));

        Assert.Equal($"line 1: a token is longer than {UdmfTokenizer.MaxTokenLength} characters", error.Message);
    }

    [Fact]
    public void ABlockWithMoreKeysThanTheLimitIsRefused()
    {
        var keys = string.Concat(Enumerable.Range(0, UdmfParser.MaxFieldsPerBlock + 1).Select(i => $"k{i} = 1; "));

        var error = Assert.Throws<WadFormatException>(() => UdmfDocument.Parse($"thing {{ {keys} }}"));

        Assert.Equal($"line 1: the thing block opened on line 1 holds more than {UdmfParser.MaxFieldsPerBlock} different keys", error.Message);
    }

    [Fact]
    public void BlocksNestedDeeperThanTheLimitAreRefused()
    {
        var depth = UdmfParser.MaxNesting + 1;
        var text = "a { " + string.Concat(Enumerable.Repeat("b { ", depth)) + new string('}', depth + 1);

        var error = Assert.Throws<WadFormatException>(() => UdmfDocument.Parse(text));

        Assert.Equal($"line 1: blocks are nested more than {UdmfParser.MaxNesting} deep", error.Message);
    }

    [Fact]
    public void MoreBlocksThanTheLimitAreRefused()
    {
        var parser = new UdmfParser(string.Concat(Enumerable.Repeat("a { }\n", 11)), maxBlocks: 10);

        var error = Assert.Throws<WadFormatException>(() =>
        {
            while (parser.Next(out _))
            {
            }
        });

        Assert.Equal("line 11: the text holds more than 10 blocks", error.Message);
    }
}
