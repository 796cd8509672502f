using Lucene.Net.Analysis.Core;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.TokenStreamAssert;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseWordFilterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "lexicon-" + Guid.NewGuid().ToString("N") + ".txt");

    public VietnameseWordFilterTests()
        => File.WriteAllLines(_file, ["xây dựng", "Đảng", "tổ dân phố", "tổ dân", "chỉ thị", "uỷ ban", "hệ thống chính trị", "chính trị"]);

    [Fact]
    public void Filter_LongestMatch_OneTokenPerWordWithOffsets()
    {
        var stream = Chain("Xây dựng tổ dân phố văn hóa");

        AssertTokenStreamContents(stream,
            ["xây dựng", "tổ dân phố", "văn", "hoá"],
            startOffsets: [0, 9, 20, 24],
            endOffsets: [8, 19, 23, 27],
            positionIncrements: [1, 1, 1, 1],
            finalOffset: 27);
    }

    [Fact]
    public void Filter_EitherTonePlacementOfTheText_FindsTheWord()
    {
        var stream = Chain("Ủy ban Uỷ ban");

        AssertTokenStreamContents(stream, ["uỷ ban", "uỷ ban"]);
    }

    [Fact]
    public void Filter_SymbolPartsAndNumbers_NotJoined()
    {
        var stream = Chain("chỉ thị 05-CT/TW hệ thống chính trị");

        AssertTokenStreamContents(stream, ["chỉ thị", "05", "ct", "tw", "hệ thống chính trị"],
            positionIncrements: [1, 1, 1, 1, 1]);
    }

    [Fact]
    public void Filter_EmptyLexicon_SyllablesPassThrough()
    {
        var tokenizer = new VietnameseTokenizer(new StringReader("xây dựng"));
        var stream = new VietnameseWordFilter(new LowerCaseFilter(VietnameseAnalyzers.Version, tokenizer), VietnameseLexicon.Empty);

        AssertTokenStreamContents(stream, ["xây", "dựng"]);
    }

    [Fact]
    public void Lexicon_MissingFile_IsEmpty()
    {
        Assert.Equal(0, VietnameseLexicon.Load(_file + ".missing").Count);
    }

    [Fact]
    public void Lexicon_FoldedQuery_MatchesWord()
    {
        var lexicon = VietnameseLexicon.Load(_file);

        Assert.Equal(3, lexicon.LongestMatch(["to", "dan", "pho", "moi"], 0));
        Assert.Equal(1, lexicon.LongestMatch(["dan", "pho"], 0));
    }

    public void Dispose() => File.Delete(_file);

    private VietnameseWordFilter Chain(string text)
    {
        var lexicon = VietnameseLexicon.Load(_file);
        var tokenizer = new VietnameseTokenizer(new StringReader(text));
        var stream = new DocumentSymbolFilter(new VietnameseToneFilter(new LowerCaseFilter(VietnameseAnalyzers.Version, tokenizer)), keepWhole: false);
        return new VietnameseWordFilter(stream, lexicon);
    }
}
