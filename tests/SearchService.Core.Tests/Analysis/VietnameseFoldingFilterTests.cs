using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseFoldingFilterTests
{
    [Fact]
    public void Filter_Diacritics_RemovedAndDStrokeToD()
    {
        var stream = new VietnameseFoldingFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("Chỉ thị Đảng ủy đường 05-CT/TƯ")));

        AssertTokenStreamContents(stream,
            ["Chi", "thi", "Dang", "uy", "duong", "05-CT/TU"],
            startOffsets: [0, 4, 8, 13, 16, 22],
            endOffsets: [3, 7, 12, 15, 21, 30],
            finalOffset: 30);
    }

    [Fact]
    public void Filter_AsciiText_Unchanged()
    {
        var stream = new VietnameseFoldingFilter(new WhitespaceTokenizer(VietnameseAnalyzers.Version,
            new StringReader("ubnd 2018 ban")));

        AssertTokenStreamContents(stream, ["ubnd", "2018", "ban"]);
    }
}
