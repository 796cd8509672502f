using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SearchService.Core.Analysis;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Tests.Search;

/// <summary>The first try of every query: each word required, ranked by the analysis of the index.</summary>
public sealed class QueryPlannerStrictTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer();
    private DirectoryReader? _reader;

    [Fact]
    public void Words_WithDiacritics_ExactMatchRanksAboveFolded()
    {
        Index(("ban", "Ban công tác mặt trận họp ban"), ("ban2", "Ban tổ chức ban hành ban"), ("bàn", "Ghế và bàn làm việc"));

        var ids = Search(Strict("bàn"));

        Assert.Equal("bàn", ids[0]);
    }

    [Fact]
    public void Words_WithoutDiacritics_MatchesFoldedForm()
    {
        Index(("a", "Chỉ thị của Bộ Chính trị"), ("b", "Kế hoạch năm 2020"));

        var ids = Search(Strict("chi thi"));

        Assert.Equal(["a"], ids);
    }

    [Fact]
    public void Words_EitherTonePlacement_FindsBoth()
    {
        Index(("old", "Hội nghị Thành uỷ"), ("new", "Hội nghị Thành ủy"), ("other", "Hội nghị"));

        var ids = Search(Strict("thành ủy"));

        Assert.Equal(["new", "old"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_NfdQuery_FindsNfcText()
    {
        Index(("a", "Đảng ủy phường Cự Khối"), ("b", "Đảng ủy phường Thượng Thanh"));

        var ids = Search(Strict("Cự Khối".Normalize(NormalizationForm.FormD)));

        Assert.Equal(["a"], ids);
    }

    [Theory]
    [InlineData("UBND phường")]
    [InlineData("ubnd phường")]
    [InlineData("Ủy ban nhân dân phường")]
    [InlineData("uy ban nhan dan phuong")]
    public void Words_AbbreviationOrExpansion_FindsBoth(string query)
    {
        Index(("short", "Chủ tịch UBND phường phát biểu"), ("long", "Ủy ban nhân dân phường tổ chức"), ("none", "Ủy viên Ban Thường vụ phường"));

        var ids = Search(Strict(query));

        Assert.Equal(["long", "short"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_AmbiguousAbbreviationInLowerCase_IsNotExpanded()
    {
        Index(("city", "Hội nghị Thành ủy"), ("self", "kế hoạch tu dưỡng"));

        var lower = Search(Strict("tu"));
        var upper = Search(Strict("TU"));

        Assert.Equal(["self"], lower);
        Assert.Equal(["city", "self"], upper.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("05-CT/TW")]
    [InlineData("05-CT/TƯ")]
    [InlineData("05 - ct/tư")]
    public void Words_SymbolSpellings_FindTheDirective(string query)
    {
        Index(("ct05", "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị"), ("nq05", "Nghị quyết 05-NQ/TW"), ("no", "Chỉ thị 06-CT/TW"));

        var ids = Search(Strict(query));

        Assert.Equal(["ct05"], ids);
    }

    [Fact]
    public void Phrase_ThroughSymbolParts_FindsTheDirective()
    {
        Index(("ct05", "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị"), ("other", "Chỉ thị số 06 và 05 nghị quyết"));

        var ids = Search(StrictPhrase("chỉ thị 05"));

        Assert.Equal(["ct05"], ids);
    }

    [Fact]
    public void Phrase_WithSymbol_KeepsFollowingWordsInPlace()
    {
        Index(("a", "Chỉ thị 05-CT/TW của Bộ Chính trị"), ("b", "Chỉ thị 05-CT/TW, Bộ Chính trị đã"));

        var ids = Search(StrictPhrase("05-CT/TƯ của Bộ"));

        Assert.Equal(["a"], ids);
    }

    [Fact]
    public void Phrase_WithAbbreviation_MatchesTheExpansion()
    {
        Index(("a", "Ủy ban nhân dân phường Cự Khối"), ("b", "UBND phường Cự Khối"), ("c", "UBND quận và phường Cự Khối"));

        var ids = Search(StrictPhrase("UBND phường Cự Khối"));

        Assert.Equal(["a", "b"], ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"Nghị quyết Trung ương 4\"")]
    [InlineData("\"Nghị quyết Trung ương IV\"")]
    public void Phrase_RomanOrArabicPlenum_FindsBoth(string quoted)
    {
        Index(("roman", "quán triệt Nghị quyết Trung ương IV (khóa XII)"), ("arabic", "Nghị quyết Trung ương 4 khóa XII"), ("other", "Nghị quyết Trung ương 7"));

        var ids = Search(StrictPhrase(quoted.Trim('"')));

        Assert.Equal(["arabic", "roman"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_Stopword_IsOptional()
    {
        Index(("a", "kết quả công tác dân vận"), ("b", "kết quả của công tác"));

        var ids = Search(Strict("kết quả của công tác"));

        Assert.Equal(["a", "b"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Words_AdjacentWords_RankAboveScattered()
    {
        Index(("scattered", "hội nghị đồng chí bàn về kế hoạch, đồng thời nói về hội"), ("whole", "hội đồng nhân dân họp bàn kế hoạch năm"));

        var ids = Search(Strict("hội đồng"));

        Assert.Equal("whole", ids[0]);
    }

    [Fact]
    public void Words_TypedWithDiacritics_ReportWithEveryWordAboveTitleRepeatingOne()
    {
        Index(("bac", "Hàng Bạc: phường Hàng Bạc ra quân, Hàng Bạc trong tháng"), ("bo", "Hàng Bồ: phường Hàng Bồ trong năm"),
            ("trong", "Đảng ủy phường Hàng Trống tổ chức hội nghị trong tháng về công tác"));

        var ids = Search(Strict("Hàng Trống"));

        Assert.Equal("trong", ids[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - “ ” ")]
    public void Plan_NothingSearchable_MatchesEverything(string query)
    {
        Index(("a", "Đảng ủy phường Cự Khối"));

        Assert.Null(Strict(query));
    }

    [Fact]
    public void Plan_ExcludedWords_ExcludeDocuments()
    {
        Index(("a", "Đảng ủy phường Cự Khối"), ("b", "Đảng ủy phường Thượng Thanh"));

        var ids = Search(Strict("đảng ủy -\"thuong thanh\""));

        Assert.Equal(["a"], ids);
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
    }

    private Query? Strict(string text) => new QueryPlanner(_analyzer).Plan(text, _reader!).Strict;

    private Query? StrictPhrase(string text) => Strict("\"" + text + "\"");

    private void Index(params (string Id, string Text)[] documents)
    {
        var config = new IndexWriterConfig(VietnameseAnalyzers.Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (id, text) in documents)
            {
                var document = new Document { new StringField("id", id, Field.Store.YES) };
                foreach (var field in AnalyzedFields.TextFields)
                {
                    document.Add(new TextField(field, text, field == AnalyzedFields.Text ? Field.Store.YES : Field.Store.NO));
                }

                writer.AddDocument(document);
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    private List<string> Search(Query? query)
    {
        Assert.NotNull(query);
        var searcher = new IndexSearcher(_reader!) { Similarity = new BM25Similarity() };
        return searcher.Search(query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToList();
    }
}
