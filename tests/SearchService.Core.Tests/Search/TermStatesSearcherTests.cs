using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using SearchService.Core.Analysis;
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

    [Fact]
    public void Phrases_MatchAndScoreAsLucenesPhraseQuery()
    {
        archive.Index.Store.Search(searcher =>
        {
            var plain = new IndexSearcher(searcher.IndexReader) { Similarity = new BM25Similarity() };
            var all = searcher.IndexReader.MaxDoc;
            var random = new Random(12);
            var phrases = new List<PhraseQuery>
            {
                // A word twice, a gap between the places, and a phrase no report has.
                Phrase(AnalyzedFields.Text, ("nhân", 0), ("dân", 1), ("nhân", 2)),
                Phrase(AnalyzedFields.TextFolded, ("dan", 0), ("dan", 1)),
                Phrase(AnalyzedFields.TextFolded, ("uy", 0), ("phuong", 2)),
                Phrase(AnalyzedFields.Text, ("phường", 0), ("chỉ", 1), ("thị", 2), ("quận", 3)),
            };
            for (var doc = 0; doc < all; doc += 3)
            {
                // Runs of two to five words of a report, in its exact and folded text.
                var words = Words(searcher.Doc(doc).Get(AnalyzedFields.Text) ?? "");
                if (words.Count < 6)
                {
                    continue;
                }

                var start = random.Next(words.Count - 5);
                var run = words.Skip(start).Take(random.Next(2, 6)).Select((w, i) => (w, i)).ToArray();
                phrases.Add(Phrase(AnalyzedFields.Text, run));
                phrases.Add(Phrase(AnalyzedFields.TextFolded, run.Select(t => (SearchService.Core.Text.VietnameseText.Fold(t.w), t.i)).ToArray()));
            }

            foreach (var phrase in phrases)
            {
                phrase.Boost = 1.5f;
                var expected = plain.Search(phrase, all).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc).ToList();
                var actual = searcher.Search(phrase, all).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc).ToList();
                Assert.Equal(expected, actual);
                Assert.IsType<StatedPhraseQuery>(((TermStatesSearcher)searcher).WithTermStates(phrase));
            }

            return 0;
        });
    }

    // The exact words of a text, one per place (no stacked forms).
    private List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = archive.Index.Store.Analyzer.GetTokenStream(AnalyzedFields.Text, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0)
            {
                words.Add(term.ToString());
            }
        }

        stream.End();
        return words;
    }

    private static PhraseQuery Phrase(string field, params (string Term, int Position)[] terms)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }
}
