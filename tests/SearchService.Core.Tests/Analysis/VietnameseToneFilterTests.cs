using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseToneFilterTests
{
    [Fact]
    public void Filter_BothTonePlacements_MeetOnOneSpelling()
    {
        var stream = new VietnameseToneFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("hòa hoà khóa khoá ủy uỷ thủy thuỷ Hòa")));

        AssertTokenStreamContents(stream,
            ["hoà", "hoà", "khoá", "khoá", "uỷ", "uỷ", "thuỷ", "thuỷ", "Hoà"],
            startOffsets: [0, 4, 8, 13, 18, 21, 24, 29, 34],
            endOffsets: [3, 7, 12, 17, 20, 23, 28, 33, 37],
            finalOffset: 37);
    }

    [Fact]
    public void Filter_WordsWithoutThosePairs_Unchanged()
    {
        var stream = new VietnameseToneFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("quý tuyên khuya hoàng")));

        AssertTokenStreamContents(stream, ["quý", "tuyên", "khuya", "hoàng"]);
    }
}
