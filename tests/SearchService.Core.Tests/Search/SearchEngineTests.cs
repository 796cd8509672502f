using SearchService.Core.Errors;
using SearchService.Core.Search;
using SearchService.Core.Tests.Indexing;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Search;

public sealed class SearchEngineTests : IDisposable
{
    private readonly TestIndex _index;

    public SearchEngineTests()
    {
        _index = new TestIndex();
        _index.Sync();
    }

    public void Dispose() => _index.Dispose();

    private SearchPage Search(SearchQuery query) => _index.Engine.Search(query, TestContext.Current.CancellationToken);

    private SearchPage Search(string text) => Search(SearchQuery.For(text));

    private static SearchFilter Years(params int[] years) => SearchFilter.None with { Years = years };

    [Fact]
    public void Search_EmptyQuery_MatchesEveryDocument()
    {
        var page = Search("");

        Assert.Equal(TestReports.Corpus.Count, page.TotalSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("phường")]
    public void Search_Paging_VisitsEveryHitExactlyOnce(string text)
    {
        var total = Search(text).TotalSize;
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = Search(SearchQuery.For(text) with { PageSize = 2, PageToken = token });
            Assert.Equal(total, page.TotalSize);
            Assert.InRange(page.Hits.Count, 1, 2);
            seen.AddRange(page.Hits.Select(h => h.Document.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    public void Search_PageSizeOutOfRange_IsInvalidArgument(int pageSize)
    {
        var error = Assert.Throws<InvalidRequestException>(() => Search(SearchQuery.For("") with { PageSize = pageSize }));

        Assert.Equal("page_size", error.Field);
    }

    [Fact]
    public void Search_PageSizeUnset_MeansTen()
    {
        var archive = TestReports.WriteArchive(Enumerable.Range(0, 12).ToDictionary(
            i => $"r{i:00}",
            i => TestReports.Portal($"Báo cáo số {i}", "Phường tổ chức hội nghị.")));
        using var index = new TestIndex(archive);
        index.Sync();

        var page = index.Engine.Search(SearchQuery.For(""), TestContext.Current.CancellationToken);

        Assert.Equal(10, page.Hits.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public void Search_TokenOfAnotherQuery_IsInvalidArgument()
    {
        var token = Search(SearchQuery.For("") with { PageSize = 1 }).NextPageToken;

        var error = Assert.Throws<InvalidRequestException>(() => Search(SearchQuery.For("phường") with { PageSize = 1, PageToken = token }));

        Assert.Equal("page_token", error.Field);
    }

    [Theory]
    [InlineData("order_by", "newest")]
    [InlineData("facets", "author")]
    public void Search_UnknownOption_IsInvalidArgumentNamingTheField(string field, string value)
    {
        var query = field == "order_by" ? SearchQuery.For("") with { OrderBy = value } : SearchQuery.For("") with { Facets = [value] };

        var error = Assert.Throws<InvalidRequestException>(() => Search(query));

        Assert.Equal(field, error.Field);
        Assert.Contains(value, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_WithoutDiacritics_FindsTheAccentedText()
    {
        var page = Search("tiem chung");

        Assert.Equal("tay-ho/nhat-tan-2021", Assert.Single(page.Hits).Document.Id);
    }

    [Fact]
    public void Search_Phrase_RequiresTheWordsInOrder()
    {
        Assert.Equal(1, Search("\"dân vận khéo\"").TotalSize);
        Assert.Equal(0, Search("\"khéo dân vận\"").TotalSize);
    }

    [Fact]
    public void Search_Exclusion_RemovesMatchingDocuments()
    {
        var all = Search("phường").Hits.Select(h => h.Document.Id).ToList();
        var without = Search("phường -\"tiêm chủng\"").Hits.Select(h => h.Document.Id).ToList();

        Assert.Contains("tay-ho/nhat-tan-2021", all);
        Assert.DoesNotContain("tay-ho/nhat-tan-2021", without);
        Assert.Equal(all.Count - 1, without.Count);
    }

    [Fact]
    public void Search_OnlyExclusions_ReturnsEverythingElse()
    {
        var page = Search("-\"tiêm chủng\"");

        Assert.Equal(TestReports.Corpus.Count - 1, page.TotalSize);
    }

    [Fact]
    public void Search_OrderByDate_SortsByPublication()
    {
        var newest = Search(SearchQuery.For("") with { OrderBy = "date_desc", PageSize = 100 }).Hits.Select(h => h.Document.PublishedAt!.Value).ToList();
        var oldest = Search(SearchQuery.For("") with { OrderBy = "date_asc", PageSize = 100 }).Hits.Select(h => h.Document.PublishedAt!.Value).ToList();

        Assert.Equal(newest.OrderByDescending(d => d), newest);
        Assert.Equal(oldest.OrderBy(d => d), oldest);
        Assert.Equal("cau-giay/dich-vong-2023", Search(SearchQuery.For("") with { OrderBy = "date_desc" }).Hits[0].Document.Id);
    }

    [Fact]
    public void Search_TitleMatch_RanksAboveTextMatch()
    {
        var page = Search("dân vận");

        Assert.Equal("long-bien/ngoc-thuy-2018", page.Hits[0].Document.Id);
    }

    [Fact]
    public void Search_Snippet_HighlightsTheWordsAsWritten()
    {
        var hit = Assert.Single(Search("tiem chung").Hits);

        var snippet = Assert.Single(hit.Snippets);
        var highlighted = snippet.Highlights.Select(h => snippet.Text[h.Start..h.End]).ToList();
        Assert.Equal(["tiêm chủng"], highlighted);
        var text = _index.Engine.GetDocument(hit.Document.Id).Text;
        Assert.Equal(snippet.Text, text.Substring(snippet.DocumentOffset, snippet.Text.Length).Replace('\n', ' '));
    }

    [Fact]
    public void Search_YearFilter_KeepsThatPublicationYear()
    {
        var page = Search(SearchQuery.For("") with { Filter = Years(2018) });

        Assert.Equal(["long-bien/ngoc-thuy-2018"], page.Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public void Search_YearRange_IsInclusive()
    {
        var page = Search(SearchQuery.For("") with { Filter = SearchFilter.None with { YearFrom = 2019, YearTo = 2021 }, PageSize = 100 });

        Assert.Equal(["long-bien/cu-khoi-2018", "long-bien/thuong-thanh-2020", "tay-ho/nhat-tan-2021"], page.Hits.Select(h => h.Document.Id).Order());
    }

    [Theory]
    [InlineData(1800)]
    [InlineData(99999)]
    public void Search_ImpossibleYear_IsInvalidArgument(int year)
    {
        var error = Assert.Throws<InvalidRequestException>(() => Search(SearchQuery.For("") with { Filter = Years(year) }));

        Assert.Equal("filter.years", error.Field);
    }

    [Fact]
    public void Search_YearFacet_CountsOverAllMatchesIgnoringItsOwnFilter()
    {
        var page = Search(SearchQuery.For("") with { Filter = Years(2018), Facets = ["year"] });

        var facet = Assert.Single(page.Facets);
        Assert.Equal("year", facet.Field);
        Assert.Equal(TestReports.Corpus.Count, facet.Values.Sum(v => v.Count));
        Assert.Equal(2018, Assert.Single(page.Hits).Document.Year);
    }

    [Fact]
    public void Search_RandomText_EitherAnswersOrRefusesWithAReason()
    {
        var random = new Random(20261129);
        const string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệ \"-+*?~^:()[]{}\\/!&|0123456789\u0300\u0301\u00A0";
        for (var i = 0; i < 300; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                var page = Search(text);
                Assert.True(page.TotalSize >= 0);
            }
            catch (InvalidRequestException e)
            {
                Assert.Equal("query", e.Field);
            }
        }
    }

    [Fact]
    public void GetDocument_UnknownId_IsNotFound()
    {
        Assert.Throws<DocumentNotFoundException>(() => _index.Engine.GetDocument("no/such/report"));
    }

    [Fact]
    public void GetDocument_KnownId_ReturnsTextAndMetadata()
    {
        var document = _index.Engine.GetDocument("tay-ho/nhat-tan-2021");

        Assert.Equal("Phường Nhật Tân đẩy mạnh tiêm chủng vắc xin phòng COVID-19", document.Title);
        Assert.Equal(1204, document.ViewCount);
        Assert.Equal("tay-ho/nhat-tan-2021.txt", document.SourcePath);
        Assert.Equal([2021], document.PeriodYears);
        Assert.Equal(64, document.ContentHash.Length);
    }

    [Theory]
    [InlineData("Chỉ thị 05-CT/TW")]
    [InlineData("05-CT/TƯ")]
    [InlineData("chi thi 05-CT/TW")]
    [InlineData("\"chỉ thị số 05\"")]
    public void Search_DirectiveInEitherSpelling_FindsBoth(string query)
    {
        var archive = TestReports.WriteArchive(new Dictionary<string, string>
        {
            ["tw"] = TestReports.Portal("Hội nghị chi bộ", "Chi bộ quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị."),
            ["tu"] = TestReports.Portal("Hội nghị Đảng ủy", "Thực hiện Chỉ thị số 05-CT/TƯ của Bộ Chính trị về học tập và làm theo."),
            ["other"] = TestReports.Portal("Hội nghị khác", "Thực hiện Chỉ thị số 17-CT/TU của Thành ủy."),
        });
        using var index = new TestIndex(archive);
        index.Sync();

        var page = index.Engine.Search(SearchQuery.For(query), TestContext.Current.CancellationToken);

        Assert.Equal(["tu", "tw"], page.Hits.Select(h => h.Document.Id).Order());
    }

    [Fact]
    public void Search_Snippet_TypedWithDiacritics_DoesNotHighlightOtherSpellings()
    {
        var archive = TestReports.WriteArchive(new Dictionary<string, string>
        {
            ["r"] = TestReports.Portal("Hội nghị", "Đồng chí Thị phát biểu. Chi bộ triển khai Chỉ thị 05-CT/TW."),
        });
        using var index = new TestIndex(archive);
        index.Sync();

        var accented = Assert.Single(index.Engine.Search(SearchQuery.For("chỉ thị"), TestContext.Current.CancellationToken).Hits).Snippets.Single();
        var plain = Assert.Single(index.Engine.Search(SearchQuery.For("chi thi"), TestContext.Current.CancellationToken).Hits).Snippets.Single();

        // "Thị" is the word as typed; "chí" only folds to "chi" and is not shown.
        Assert.Equal(["Thị", "Chỉ thị"], accented.Highlights.Select(h => accented.Text[h.Start..h.End]));
        Assert.Contains("Chỉ thị", plain.Highlights.Select(h => plain.Text[h.Start..h.End]));
        Assert.Contains("chí Thị", plain.Highlights.Select(h => plain.Text[h.Start..h.End]));
    }
}
