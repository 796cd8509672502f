using Lucene.Net.Search;
using SearchService.Core.Search.Planning;
using SearchService.Core.Tests.Indexing;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// Which words each result of a relaxed search matched: told for a whole page at once, segment by segment in index
/// order, it is what it is told for each result alone, on an index of several segments and on one merged.
/// </summary>
public sealed class RelaxationExplainTests
{
    [Theory]
    [InlineData("tiêm chủng giao quân khuyến học qwxz", false)]
    [InlineData("dan van kheo hoc bong Nhat Tan", false)]
    [InlineData("phường Cự Khối chỉ thị 05 tiem chugn vac xin", false)]
    [InlineData("tiêm chủng giao quân khuyến học qwxz", true)]
    [InlineData("dan van kheo hoc bong Nhat Tan", true)]
    [InlineData("phường Cự Khối chỉ thị 05 tiem chugn vac xin", true)]
    public async Task APageOfHits_IsExplainedAsEachHitAlone(string text, bool merged)
    {
        var (archive, indexPath) = MergeAfterSyncTests.IndexOfThreeSyncs();
        using var index = new TestIndex(archive, indexPath);
        if (merged)
        {
            await index.Store.MergeAfterSyncAsync();
        }

        index.Store.Search(searcher =>
        {
            var plan = new QueryPlanner(index.Store.Analyzer).Plan(text, searcher.IndexReader);
            var relaxation = plan.Relax(1);
            // Best first, as a page comes: not in index order; from several segments, or from one.
            var docs = searcher.Search(relaxation.Query, 10).ScoreDocs.Select(d => d.Doc).ToList();
            Assert.True(docs.Count >= 3, $"{docs.Count} hits");
            Assert.NotEqual(docs.Order(), docs);
            Assert.Equal(merged, searcher.IndexReader.Leaves.Count == 1);

            var page = relaxation.Explain(searcher, docs);
            var alone = docs.Select(doc => relaxation.Explain(searcher, [doc])[0]).ToList();

            Assert.Equal(Show(alone), Show(page));
            Assert.Contains(page, p => p.Missing.Count > 0);
            return 0;
        });
    }

    private static List<string> Show(IReadOnlyList<(IReadOnlyList<string> Missing, IReadOnlyList<WordCorrection> Corrected)> explained)
        => explained.Select(e => string.Join(",", e.Missing) + " | " + string.Join(",", e.Corrected.Select(c => c.Typed + ">" + c.Corrected))).ToList();
}
