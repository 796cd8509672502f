using Lucene.Net.Analysis;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Every filter behind the char filter and tokenizer keeps offsets into NFD, CRLF text.</summary>
public sealed class ChainOffsetsTests
{
    private static readonly string Input = ChainInput.NfdCrLf("Thành ủy Hòa Bình\nChỉ thị 05-CT/TƯ\nkhóa XII");

    [Fact]
    public void ToneFilter_NfdCrLf_OffsetsIntoOriginal()
    {
        AssertChain(new VietnameseToneFilter(ChainInput.Lowered(Input)),
            ["thành", "uỷ", "hoà", "bình", "chỉ", "thị", "05-ct/tư", "khoá", "xii"],
            ["Thành", "ủy", "Hòa", "Bình", "Chỉ", "thị", "05-CT/TƯ", "khóa", "XII"]);
    }

    [Fact]
    public void FoldingFilter_NfdCrLf_OffsetsIntoOriginal()
    {
        AssertChain(new VietnameseFoldingFilter(ChainInput.Lowered(Input)),
            ["thanh", "uy", "hoa", "binh", "chi", "thi", "05-ct/tu", "khoa", "xii"],
            ["Thành", "ủy", "Hòa", "Bình", "Chỉ", "thị", "05-CT/TƯ", "khóa", "XII"]);
    }

    [Fact]
    public void DocumentSymbolFilter_NfdCrLf_SymbolOffsetsIntoOriginal()
    {
        var tokens = Tokens(new DocumentSymbolFilter(ChainInput.Lowered(Input)));

        var symbol = Assert.Single(tokens, t => t.Type == TokenTypes.Symbol);
        Assert.Equal("05-ct/tw", symbol.Term);
        Assert.Equal(ChainInput.Span(Input, "05-CT/TƯ"), (symbol.Start, symbol.End));
        Assert.All(tokens.Where(t => t.Type == TokenTypes.SymbolPart), p => Assert.InRange(p.Start, symbol.Start, symbol.End));
        Assert.Equal(Input.Length, FinalOffset(new DocumentSymbolFilter(ChainInput.Lowered(Input))));
    }

    [Fact]
    public void RomanNumeralFilter_NfdCrLf_StackedOnTheNumeral()
    {
        var stream = new RomanNumeralFilter(new VietnameseTokenizer(new VietnameseNormalizationCharFilter(new StringReader(Input))));

        var tokens = Tokens(stream);

        var twelve = Assert.Single(tokens, t => t.Term == "12");
        Assert.Equal(0, twelve.Increment);
        Assert.Equal(ChainInput.Span(Input, "XII"), (twelve.Start, twelve.End));
    }

    [Fact]
    public void SyllablePairFilter_NfdCrLf_PairOffsetsIntoOriginal()
    {
        var tokens = Tokens(new SyllablePairFilter(new VietnameseToneFilter(ChainInput.Lowered(Input))));

        var pair = Assert.Single(tokens, t => t.Term == "bình chỉ");
        Assert.Equal(ChainInput.Span(Input, "Bình").Start, pair.Start);
        Assert.Equal(ChainInput.Span(Input, "Chỉ").End, pair.End);
    }

    private static void AssertChain(TokenStream stream, string[] terms, string[] originals)
    {
        var starts = originals.Select(o => ChainInput.Span(Input, o).Start).ToArray();
        var ends = originals.Select(o => ChainInput.Span(Input, o).End).ToArray();
        AssertTokenStreamContents(stream, terms, starts, ends, finalOffset: Input.Length);
    }

    private static int FinalOffset(TokenStream stream)
    {
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
        var final = offset.EndOffset;
        stream.Dispose();
        return final;
    }
}
