using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// The phrase of a whole run of words rescores only the first results of a strict search. Within that window
/// the order must be the one the whole strict query (every bonus at once) gives, on every page.
/// </summary>
public sealed class RunPhraseRescoringTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    private static readonly string[] Queries =
    [
        "đảng ủy phường",
        "dang uy phuong",
        "tổ dân phố",
        "nhân dân trên địa bàn",
        "chi bo dang vien",
        "học tập và làm theo",
        "phong trào thi đua",
        "kinh tế xã hội",
        "cán bộ đảng viên",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void StrictSearch_FirstPages_RankAsTheWholeQueryWithItsRunPhrase()
    {
        var store = archive.Index.Store;
        var compared = 0;
        foreach (var text in Queries)
        {
            var first = archive.Index.Engine.Search(SearchQuery.For(text) with { PageSize = 10 }, Ct);
            if (first.Interpretation.Relaxed || first.TotalSize < 3)
            {
                continue;
            }

            var second = first.NextPageToken.Length > 0
                ? archive.Index.Engine.Search(SearchQuery.For(text) with { PageSize = 10, PageToken = first.NextPageToken }, Ct).Hits
                : [];
            var ids = first.Hits.Concat(second).Select(h => h.Document.Id).ToList();
            var expected = store.Search(searcher =>
            {
                var plan = new QueryPlanner(store.Analyzer).Plan(text, searcher.IndexReader);
                if (plan.RunPhrases is null)
                {
                    return null;
                }

                var sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.IdSort, SortFieldType.STRING));
                return searcher.Search(plan.Strict!, ids.Count, sort).ScoreDocs
                    .Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id))
                    .ToList();
            });

            if (expected is null)
            {
                continue;
            }

            Assert.Equal(expected, ids);
            compared++;
        }

        Assert.True(compared >= 4, $"only {compared} of the queries were answered strictly; the test compares nothing");
    }
}
