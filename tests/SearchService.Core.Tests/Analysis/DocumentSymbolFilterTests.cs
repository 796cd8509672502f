using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class DocumentSymbolFilterTests
{
    private const string W = TokenTypes.Word;
    private const string S = TokenTypes.Symbol;
    private const string P = TokenTypes.SymbolPart;

    [Fact]
    public void Filter_PartySymbol_WholeNormalizedAndPartsAtFollowingPositions()
    {
        var stream = Chain("chỉ thị 05-CT/TW của");

        AssertTokenStreamContents(stream,
            ["chỉ", "thị", "05-ct/tw", "05", "ct", "tw", "của"],
            startOffsets: [0, 4, 8, 8, 11, 14, 17],
            endOffsets: [3, 7, 16, 10, 13, 16, 20],
            positionIncrements: [1, 1, 1, 0, 1, 1, 1],
            types: [W, W, S, P, P, P, W],
            finalOffset: 20);
    }

    [Theory]
    [InlineData("05 - CT/TƯ", "05-ct/tw")]
    [InlineData("5-CT/TW", "05-ct/tw")]
    [InlineData("05-CT/TW", "05-ct/tw")]
    [InlineData("08 - NQ/TU", "08-nq/tu")]
    [InlineData("15/2020/NĐ-CP", "15/2020/nđ-cp")]
    [InlineData("5140/QĐ-UBND", "5140/qđ-ubnd")]
    public void Filter_SpellingsOfOneSymbol_OneNormalizedTerm(string written, string expected)
    {
        var tokens = Tokens(Chain(written));

        Assert.Equal(expected, tokens[0].Term);
        Assert.Equal(0, tokens[0].Start);
        Assert.Equal(written.Length, tokens[0].End);
    }

    [Fact]
    public void Filter_PartsOnly_FirstPartTakesThePosition()
    {
        var stream = Chain("số 15/2020/NĐ-CP", keepWhole: false);

        AssertTokenStreamContents(stream,
            ["số", "15", "2020", "nđ", "cp"],
            startOffsets: [0, 3, 6, 11, 14],
            endOffsets: [2, 5, 10, 13, 16],
            positionIncrements: [1, 1, 1, 1, 1],
            types: [W, P, P, P, P]);
    }

    [Fact]
    public void Reset_InTheMiddleOfParts_DropsPendingParts()
    {
        var tokenizer = new VietnameseTokenizer(new StringReader("05-CT/TW"));
        var stream = new DocumentSymbolFilter(new LowerCaseFilter(VietnameseAnalyzers.Version, tokenizer));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        Assert.Equal("05-ct/tw", term.ToString());
        stream.End();
        stream.Dispose();

        tokenizer.SetReader(new StringReader("tổ dân phố"));

        AssertTokenStreamContents(stream, ["tổ", "dân", "phố"], positionIncrements: [1, 1, 1]);
    }

    [Fact]
    public void Normalize_TuIssuerAndShortNumber_Canonical()
    {
        Assert.Equal("05-ct/tw", DocumentSymbolFilter.Normalize("05 - ct/tư"));
        Assert.Equal("139-cv/qu", DocumentSymbolFilter.Normalize("139-cv/qu"));
    }

    private static DocumentSymbolFilter Chain(string text, bool keepWhole = true)
        => new(new LowerCaseFilter(VietnameseAnalyzers.Version, new VietnameseTokenizer(new StringReader(text))), keepWhole);
}
