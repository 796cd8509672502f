using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>The documents of search pages are read once per commit, are those of the index, and stay within their budget.</summary>
public sealed class SummaryCacheTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Search_SameQueryAgain_ReadsNoDocumentAgain()
    {
        var cache = archive.Index.Store.Search(s => SummaryCache.Of(s.IndexReader));
        var first = archive.Index.Engine.Search(SearchQuery.For("phường tổ chức hội nghị"), Ct);
        var reads = cache.Reads;

        var again = archive.Index.Engine.Search(SearchQuery.For("phường tổ chức hội nghị"), Ct);

        Assert.NotEmpty(first.Hits);
        Assert.Equal(reads, cache.Reads);
        Assert.Equal(first.Hits.Select(h => h.Document.Id), again.Hits.Select(h => h.Document.Id));
    }

    [Fact]
    public void Get_IsTheStoredSummary_AndTheBudgetEmptiesTheCache()
    {
        archive.Index.Store.Search(searcher =>
        {
            var cache = new SummaryCache { MaxCachedChars = 20_000 };
            for (var doc = 0; doc < searcher.IndexReader.MaxDoc; doc++)
            {
                var expected = DocumentMapper.FromLucene(DocumentMapper.SummaryOf(searcher, doc));
                var actual = cache.Get(searcher, doc);
                Assert.Equal(expected.Id, actual.Id);
                Assert.Equal(expected.Text, actual.Text);
                Assert.Equal(expected.Ward, actual.Ward);
            }

            // The whole archive is far over 20,000 characters: the first documents were let go and are read again.
            var reads = cache.Reads;
            cache.Get(searcher, 0);
            Assert.Equal(reads + 1, cache.Reads);
            return 0;
        });
    }
}
