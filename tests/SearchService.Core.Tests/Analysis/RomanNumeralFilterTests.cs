using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class RomanNumeralFilterTests
{
    [Fact]
    public void Filter_RomanInCapitals_ArabicStackedOnIt()
    {
        var stream = new RomanNumeralFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("Trung ương IV khóa XII")));

        AssertTokenStreamContents(stream,
            ["Trung", "ương", "IV", "4", "khóa", "XII", "12"],
            startOffsets: [0, 6, 11, 11, 14, 19, 19],
            endOffsets: [5, 10, 13, 13, 18, 22, 22],
            positionIncrements: [1, 1, 1, 0, 1, 1, 0],
            finalOffset: 22);
    }

    [Fact]
    public void Filter_LowerCaseSyllablesAndNonNumerals_Unchanged()
    {
        var stream = new RomanNumeralFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("vi phạm xi IIII VX CV")));

        AssertTokenStreamContents(stream, ["vi", "phạm", "xi", "IIII", "VX", "CV"], positionIncrements: [1, 1, 1, 1, 1, 1]);
    }

    [Theory]
    [InlineData("I", 1)]
    [InlineData("IX", 9)]
    [InlineData("XIV", 14)]
    [InlineData("XXXIX", 39)]
    [InlineData("XL", 0)]
    [InlineData("ĐU", 0)]
    public void Value_Numeral_Parsed(string text, int expected)
    {
        Assert.Equal(expected, RomanNumeralFilter.Value(text));
    }
}
