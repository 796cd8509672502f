using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseTokenizerTests
{
    private const string W = TokenTypes.Word;
    private const string N = TokenTypes.Number;
    private const string S = TokenTypes.Symbol;

    [Fact]
    public void Tokenize_Syllables_OneTokenEachWithOffsets()
    {
        var tokenizer = new VietnameseTokenizer(new StringReader("Đảng ủy, HĐND-UBND phường."));

        AssertTokenStreamContents(tokenizer,
            ["Đảng", "ủy", "HĐND", "UBND", "phường"],
            startOffsets: [0, 5, 9, 14, 19],
            endOffsets: [4, 7, 13, 18, 25],
            positionIncrements: [1, 1, 1, 1, 1],
            types: [W, W, W, W, W],
            finalOffset: 26);
    }

    [Fact]
    public void Tokenize_GroupedAndDecimalNumbers_StayWhole()
    {
        var tokenizer = new VietnameseTokenizer(new StringReader("đạt 95,06% và 19.738.179đ, năm 2018."));

        AssertTokenStreamContents(tokenizer,
            ["đạt", "95,06", "và", "19.738.179đ", "năm", "2018"],
            types: [W, N, W, W, W, N]);
    }

    [Theory]
    [InlineData("Chỉ thị 05-CT/TW của", "05-CT/TW")]
    [InlineData("Nghị quyết 08 - NQ/TU ngày", "08 - NQ/TU")]
    [InlineData("Chương trình số 01-CTr/QU:", "01-CTr/QU")]
    [InlineData("Nghị định 15/2020/NĐ-CP quy định", "15/2020/NĐ-CP")]
    [InlineData("Quyết định 5140/QĐ-UBND.", "5140/QĐ-UBND")]
    [InlineData("Quy định 08-QĐi/TW về", "08-QĐi/TW")]
    [InlineData("Thực hiện Quyết định 703-QĐ về", "703-QĐ")]
    [InlineData("Kế hoạch 158/KH-UBND của", "158/KH-UBND")]
    public void Tokenize_DocumentSymbol_OneSymbolToken(string text, string symbol)
    {
        var tokens = Tokens(new VietnameseTokenizer(new StringReader(text)));

        var token = Assert.Single(tokens, t => t.Type == S);
        Assert.Equal(symbol, token.Term);
        Assert.Equal(text.IndexOf(symbol, StringComparison.Ordinal), token.Start);
        Assert.Equal(text.IndexOf(symbol, StringComparison.Ordinal) + symbol.Length, token.End);
    }

    [Theory]
    [InlineData("ngày 28/12/2020")]
    [InlineData("nhiệm kỳ 2015 - 2020")]
    [InlineData("11 người/9 chức danh")]
    [InlineData("7775/8233 hộ")]
    [InlineData("khách sạn 5-sao")]
    public void Tokenize_DatesRangesAndRatios_AreNoSymbols(string text)
    {
        var tokens = Tokens(new VietnameseTokenizer(new StringReader(text)));

        Assert.DoesNotContain(tokens, t => t.Type == S);
    }

    [Fact]
    public void Tokenize_EmptyAndPunctuationOnly_NoTokensAndFinalOffset()
    {
        AssertTokenStreamContents(new VietnameseTokenizer(new StringReader("")), [], finalOffset: 0);
        AssertTokenStreamContents(new VietnameseTokenizer(new StringReader(" - “…” ")), [], finalOffset: 7);
    }

    [Fact]
    public void Tokenize_AfterReset_ReadsNewReader()
    {
        var tokenizer = new VietnameseTokenizer(new StringReader("một hai"));
        AssertTokenStreamContents(tokenizer, ["một", "hai"]);

        tokenizer.SetReader(new StringReader("ba"));

        AssertTokenStreamContents(tokenizer, ["ba"], startOffsets: [0], endOffsets: [2], finalOffset: 2);
    }
}
