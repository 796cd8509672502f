using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>The searcher looks each term up once per commit, and ranks exactly as a plain searcher does.</summary>
public sealed class TermStatesSearcherTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private static readonly string[] Queries = ["đảng ủy phường", "chi thi 05", "Directive 05", "toor giams sats", "hội nghị BCH Đảng bộ phường tin tuc", "-\"Nhật Tân\" phương án"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Search_SameQueryAgain_LooksUpNoTermAgain()
    {
        var searcher = archive.Index.Store.Search(s => (TermStatesSearcher)s);
        foreach (var query in Queries)
        {
            archive.Index.Engine.Search(SearchQuery.For(query), Ct);
            var before = searcher.LookUps;

            archive.Index.Engine.Search(SearchQuery.For(query), Ct);

            Assert.Equal(before, searcher.LookUps);
        }
    }

    [Fact]
    public void WithTermStates_RanksAsAPlainSearcher()
    {
        archive.Index.Store.Search(searcher =>
        {
            var plain = new IndexSearcher(searcher.IndexReader) { Similarity = new BM25Similarity() };
            var planner = new SearchService.Core.Search.Planning.QueryPlanner(archive.Index.Store.Analyzer);
            foreach (var text in Queries)
            {
                var plan = planner.Plan(text, searcher.IndexReader);
                foreach (var query in new[] { plan.Strict, plan.CanRelax ? plan.Relax(1).Query : null }.OfType<Query>())
                {
                    var expected = plain.Search(query, 20).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
                    var actual = searcher.Search(query, 20).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
                    Assert.Equal(expected, actual);
                }
            }

            return 0;
        });
    }
}
