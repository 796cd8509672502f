using Term = Lucene.Net.Index.Term;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Analysis;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Indexing;

/// <summary>
/// The merge after a sync: an index that several commits left in several segments is merged into one in the
/// background, searches find exactly what they found before, and the merge survives a restart.
/// </summary>
public sealed class MergeAfterSyncTests
{
    private const long MegaByte = 1024 * 1024;

    private static readonly string[] Queries = ["chỉ thị 05", "dan van kheo", "phường Nhật Tân", "hoc bong", "Directive 05"];

    [Theory]
    [InlineData(new long[] { 10, 12, 9, 11, 10, 8 }, 1)] // a first ingest: six similar segments
    [InlineData(new long[] { 100, 1, 1, 1 }, null)] // small syncs beside a merged index: Lucene's own merges take them
    [InlineData(new long[] { 100, 30 }, 1)] // a large re-sync
    [InlineData(new long[] { 100 }, null)] // merged already
    [InlineData(new long[] { 4000, 3000, 2000, 1500, 1000 }, 3)] // one segment per 5 GB: 11.5 GB makes three
    [InlineData(new long[] { 4000, 4000, 3000, 500 }, null)] // three large ones and a small one stay
    public void MergeTarget_OneSegmentPerCeiling_OnlyWhenMuchLiesOutsideTheLargest(long[] segmentMegabytes, int? expected)
    {
        Assert.Equal(expected, IndexStore.MergeTarget(segmentMegabytes.Select(mb => mb * MegaByte).ToList(), 5120 * MegaByte));
    }

    [Fact]
    public async Task AnIndexOfThreeSyncs_IsMergedIntoOneSegment_AndSearchedAlike()
    {
        var (archive, indexPath) = IndexOfThreeSyncs();
        var index = new TestIndex(archive, indexPath);
        var segmentsBefore = index.Store.SegmentCount;
        var before = Queries.Select(q => TopHit(index.Engine, q)).ToList();
        var terms = TermHits(index.Store);
        var updated = index.Store.LastCommitUtc;

        await index.Store.MergeAfterSyncAsync();

        Assert.True(segmentsBefore >= 3, $"{segmentsBefore} segments"); // a sync writes on every core: a segment or more each
        Assert.Equal(1, index.Store.SegmentCount);
        Assert.False(index.Store.Merging);
        Assert.All(before, Assert.NotNull);
        Assert.Equal(before, Queries.Select(q => TopHit(index.Engine, q)).ToList());
        Assert.Equal(terms, TermHits(index.Store)); // every document and score as before
        Assert.Equal(updated, index.Store.LastCommitUtc); // a merge changes no document: "last updated" stays

        var reopened = index.Reopen(); // the merge was committed
        Assert.Equal(1, reopened.Store.SegmentCount);
        Assert.Equal(TestReports.Corpus.Count, reopened.Engine.DocumentCount);
        await reopened.Store.MergeAfterSyncAsync(); // nothing left to merge
        Assert.Equal(1, reopened.Store.SegmentCount);
        reopened.Dispose();
    }

    [Fact]
    public async Task MergeAfterSyncOff_LeavesTheSegments()
    {
        var (_, indexPath) = IndexOfThreeSyncs();
        using var store = new IndexStore(Options.Create(new IndexOptions { Path = indexPath, MergeAfterSync = false }), NullLogger<IndexStore>.Instance);
        var segments = store.SegmentCount;

        await store.MergeAfterSyncAsync();

        Assert.True(segments >= 3, $"{segments} segments");
        Assert.Equal(segments, store.SegmentCount);
    }

    [Fact]
    public void ClosingTheIndexWhileItMerges_LosesNothing()
    {
        var (archive, indexPath) = IndexOfThreeSyncs();
        var index = new TestIndex(archive, indexPath);

        var merge = index.Store.MergeAfterSyncAsync();
        index.Dispose(); // aborts the merge if it still runs, and waits for its thread

        Assert.True(merge.IsCompleted);
        var reopened = new TestIndex(archive, indexPath);
        Assert.Equal(TestReports.Corpus.Count, reopened.Engine.DocumentCount);
        Assert.NotNull(TopHit(reopened.Engine, "chỉ thị 05"));
        reopened.Dispose();
    }

    /// <summary>The test corpus synced in three rounds of two reports: three commits, three segments or more.</summary>
    internal static (string Archive, string IndexPath) IndexOfThreeSyncs()
    {
        var archive = TestReports.WriteArchive(new Dictionary<string, string>());
        var indexPath = TestReports.NewIndexFolder();
        foreach (var round in TestReports.Corpus.Chunk(2))
        {
            foreach (var (id, content) in round)
            {
                TestReports.Write(archive, id + ".txt", content);
            }

            // Merging is the store's choice after the server's start-up sync; here each round only syncs.
            using var index = new TestIndex(archive, indexPath);
            index.Sync();
        }

        return (archive, indexPath);
    }

    // The first result of the service's search. (The rest of a relaxed search, and its scores, may change: its typo
    // corrections read the words of the three largest segments, which after the merge are all of them.)
    private static string? TopHit(SearchEngine engine, string query)
        => engine.Search(SearchQuery.For(query), TestContext.Current.CancellationToken).Hits.FirstOrDefault()?.Document.Id;

    // Every document holding each of a few words in its text, with its BM25 score, on Lucene's own searcher.
    private static List<(string Id, float Score)> TermHits(IndexStore store) => store.Search(searcher =>
        new[] { "phường", "chỉ", "05-ct/tw", "năm" }
            .SelectMany(word =>
            {
                var plain = new IndexSearcher(searcher.IndexReader) { Similarity = IndexStore.Similarity };
                var top = plain.Search(new TermQuery(new Term(AnalyzedFields.Text, word)), 100);
                Assert.NotEmpty(top.ScoreDocs);
                return top.ScoreDocs.Select(d => (plain.Doc(d.Doc).Get(IndexFields.Id), d.Score));
            })
            .OrderBy(h => h.Item1, StringComparer.Ordinal).ThenBy(h => h.Score)
            .ToList());
}
