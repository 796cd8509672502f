using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using SearchService.Core.Analysis;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// Snippets read the matches of a hit from the offsets the index keeps instead of analysing its text again; they
/// must highlight exactly the words the analysed text highlights, for the words, pairs, symbols and numbers of the
/// sample reports.
/// </summary>
public sealed class PostingsMatchesTests(SampleArchiveIndex archive) : IClassFixture<SampleArchiveIndex>
{
    [Fact]
    public void Snippets_FromIndexedOffsets_HighlightTheWordsTheAnalysedTextHighlights()
    {
        var builder = new SnippetBuilder();
        var compared = 0;
        archive.Index.Store.Search(searcher =>
        {
            var random = new Random(5);
            for (var doc = 0; doc < searcher.IndexReader.MaxDoc; doc++)
            {
                var text = searcher.Doc(doc).Get(AnalyzedFields.Text) ?? "";
                var tokens = Tokens(text);
                for (var query = 0; query < 20 && tokens.Count > 0; query++)
                {
                    var terms = QueryTerms(text, tokens, random);
                    // Read for a page of hits, as a search does: this one among its neighbours in the index.
                    var indexed = PostingsMatches.Find(searcher, Enumerable.Range(Math.Max(0, doc - 4), 9).Where(d => d < searcher.IndexReader.MaxDoc).ToList(), terms);
                    Assert.True(indexed.ContainsKey(doc), "the folded text of a new index keeps offsets");

                    var expected = Highlighted(text, builder.Build(text, terms, indexed: null, maxSnippets: 1000));
                    var actual = Highlighted(text, builder.Build(text, terms, indexed[doc], maxSnippets: 1000));
                    Assert.True(expected == actual, $"doc {doc}, terms [{string.Join(", ", terms)}]:\n analysed: {expected}\n indexed:  {actual}");
                    compared++;
                }
            }

            return 0;
        });
        Assert.True(compared > 500, $"compared {compared}");
    }

    [Fact]
    public void Snippets_WordTypedWithDiacritics_HighlightOnlyThatSpelling()
    {
        archive.Index.Store.Search(searcher =>
        {
            var doc = Enumerable.Range(0, searcher.IndexReader.MaxDoc)
                .First(d => (searcher.Doc(d).Get(AnalyzedFields.Text) ?? "").Contains("Chi bộ", StringComparison.Ordinal));
            var text = searcher.Doc(doc).Get(AnalyzedFields.Text);
            HashSet<Term> terms = [new(AnalyzedFields.Text, "chỉ"), new(AnalyzedFields.TextFolded, "chi")];

            var snippets = new SnippetBuilder().Build(text, terms, PostingsMatches.Find(searcher, [doc], terms)[doc], maxSnippets: 1000);

            var words = snippets.SelectMany(s => s.Highlights.Select(h => s.Text[h.Start..h.End])).ToList();
            Assert.NotEmpty(words);
            Assert.All(words, w => Assert.Equal("chỉ", w.ToLowerInvariant()));
            return 0;
        });
    }

    [Fact]
    public void Snippets_QueryWordsSideBySide_AreOneHighlight()
    {
        archive.Index.Store.Search(searcher =>
        {
            var doc = Enumerable.Range(0, searcher.IndexReader.MaxDoc)
                .First(d => (searcher.Doc(d).Get(AnalyzedFields.Text) ?? "").Contains("trồng đào", StringComparison.Ordinal));
            var text = searcher.Doc(doc).Get(AnalyzedFields.Text);
            HashSet<Term> terms = [new(AnalyzedFields.TextFolded, "trong"), new(AnalyzedFields.TextFolded, "dao"), new(AnalyzedFields.TextPairs, "trong dao")];

            var snippets = new SnippetBuilder().Build(text, terms, PostingsMatches.Find(searcher, [doc], terms)[doc], maxSnippets: 1000);

            Assert.Contains("trồng đào", snippets.SelectMany(s => s.Highlights.Select(h => s.Text[h.Start..h.End])));
            return 0;
        });
    }

    // A few short windows of the text in every form (pairs, symbols and numbers come along), typed with or without
    // diacritics, sometimes with words the text lacks.
    private static HashSet<Term> QueryTerms(string text, List<(int Start, int End)> tokens, Random random)
    {
        var terms = new HashSet<Term>();
        for (var window = 0; window < 1 + random.Next(3); window++)
        {
            var start = random.Next(tokens.Count);
            var end = Math.Min(tokens.Count, start + 1 + random.Next(3));
            AddTerms(terms, text[tokens[start].Start..tokens[end - 1].End], exactToo: random.Next(2) == 0);
        }

        if (random.Next(4) == 0)
        {
            AddTerms(terms, "khuyến nông Nghị quyết 05-CT/TW khóa XII", exactToo: true);
        }

        return terms;
    }

    private static void AddTerms(HashSet<Term> terms, string phrase, bool exactToo)
    {
        var analyzed = AnalyzedText.Of(phrase);
        foreach (var field in AnalyzedFields.TextFields)
        {
            if (field == AnalyzedFields.Text && !exactToo)
            {
                continue;
            }

            using var stream = analyzed.Stream(AnalyzedFields.FormOf(field));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(new Term(field, term.ToString()));
            }

            stream.End();
        }
    }

    private static List<(int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        using var stream = AnalyzedText.Of(text).Stream(VietnameseForm.Exact);
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    // The letters and digits highlighted, by position in the text (a pair highlights the punctuation between its
    // words too; that is not compared).
    private static string Highlighted(string text, IReadOnlyList<Snippet> snippets)
    {
        var positions = snippets
            .SelectMany(s => s.Highlights.SelectMany(h => Enumerable.Range(s.DocumentOffset + h.Start, h.End - h.Start)))
            .Where(i => char.IsLetterOrDigit(text[i]))
            .Distinct()
            .Order()
            .ToList();
        return string.Join(",", Runs(positions).Select(r => $"{r.Start}:{text[r.Start..(r.End + 1)]}"));
    }

    private static IEnumerable<(int Start, int End)> Runs(List<int> positions)
    {
        for (var i = 0; i < positions.Count;)
        {
            var j = i;
            while (j + 1 < positions.Count && positions[j + 1] <= positions[j] + 2)
            {
                j++;
            }

            yield return (positions[i], positions[j]);
            i = j + 1;
        }
    }
}
