using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using SearchService.Core.Text;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseLowerCaseFilterTests
{
    [Fact]
    public void Filter_VietnameseCapitals_LowerCasedWithOffsetsKept()
    {
        var stream = new VietnameseLowerCaseFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("ĐẢNG ỦY Phường CỰ KHỐI 05-CT/TƯ")));

        AssertTokenStreamContents(stream,
            ["đảng", "ủy", "phường", "cự", "khối", "05-ct/tư"],
            startOffsets: [0, 5, 8, 15, 18, 23],
            endOffsets: [4, 7, 14, 17, 22, 31]);
    }

    [Fact]
    public void ToLower_EveryCharacter_SameAsInvariantLowerCase()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            Assert.True(char.ToLowerInvariant((char)c) == VietnameseText.ToLower((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("ĐẠI HỘI ĐẢNG BỘ PHƯỜNG")]
    [InlineData("Nghị Quyết TW4 Khóa XII")]
    [InlineData("ΣΊΣΥΦΟΣ Кириллица")]
    [InlineData("𐐀𐐁 deseret 𝐀")]
    [InlineData("lone \uD801 surrogate \uDC00 ok")]
    [InlineData("")]
    public void ToLower_Strings_SameAsInvariantLowerCase(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), VietnameseText.ToLower(text));

        var chars = text.ToCharArray();
        VietnameseText.ToLowerInPlace(chars);
        Assert.Equal(text.ToLowerInvariant(), new string(chars));
    }
}
