using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// Turns the words and phrases of a user query into Lucene queries over <see cref="AnalyzedFields"/>.
/// </summary>
/// <remarks>
/// The query text is analysed with the exact-field chain (so it is normalised exactly as the index), then:
/// <list type="bullet">
/// <item>a word typed with diacritics matches the exact fields (weight 1) and the folded ones (low weight),
/// so "bàn" ranks "bàn" above "ban"; a word typed without them matches the folded fields only;</item>
/// <item>a document symbol ("05-CT/TƯ") is one term, its normalised form;</item>
/// <item>an abbreviation and its expansion match each other ("UBND" ↔ the phrase "ủy ban nhân dân"),
/// as alternatives of one clause, so multi-word expansions stay phrases;</item>
/// <item>function words (stopwords.txt) are optional in free words, and kept in phrases;</item>
/// <item>adjacent query words get an optional bonus (pair fields), so whole words rank higher.</item>
/// </list>
/// </remarks>
public sealed class TextQueryFactory
{
    private const int MaxPhraseVariants = 16;

    private readonly TextQueryOptions _options;
    private readonly QueryUnitReader _reader;

    /// <summary>A factory with <see cref="TextQueryOptions.Default"/>.</summary>
    public TextQueryFactory(Analyzer analyzer)
        : this(analyzer, TextQueryOptions.Default)
    {
    }

    /// <summary>A factory with the given options.</summary>
    public TextQueryFactory(Analyzer analyzer, TextQueryOptions options)
    {
        _options = options;
        _reader = new QueryUnitReader(
            analyzer,
            options.ExpandAbbreviations ? options.Abbreviations ?? AnalysisResources.Abbreviations : [],
            options.Stopwords ?? AnalysisResources.Stopwords);
    }

    /// <summary>
    /// Free words: each must match in the title or the text (function words only add to the score).
    /// Null when the text holds no searchable token.
    /// </summary>
    public Query? Words(string text)
    {
        var units = _reader.Read(text);
        if (units.Count == 0)
        {
            return null;
        }

        var allStopwords = units.All(u => u.Stopword);
        var query = new BooleanQuery();
        foreach (var unit in units)
        {
            var optional = _options.OptionalStopwords && unit.Stopword && !allStopwords;
            query.Add(UnitQuery(unit), optional ? Occur.SHOULD : Occur.MUST);
        }

        var required = units.Where(u => !u.Stopword).ToList();
        if (_options.ExactCoverageWeight > 0 && required.Count > 1
            && required.Any(u => u.Alternatives.Any(a => a.Terms.Any(t => VietnameseText.HasDiacritics(t)))))
        {
            // BM25 has no coordination: a report whose title repeats one word can outscore the one that
            // holds every word as typed. This clause rewards the latter: every word in its typed form.
            var coverage = new BooleanQuery { Boost = _options.ExactCoverageWeight };
            foreach (var unit in required)
            {
                coverage.Add(UnitQuery(unit, preferredOnly: true), Occur.MUST);
            }

            query.Add(coverage, Occur.SHOULD);
        }

        if (_options.RunPhraseWeight > 0 && units.Count > 2)
        {
            // The words of the run in the order typed: the strongest sign of a whole-word match.
            var phrase = PhraseQueryOf(units);
            phrase.Boost = _options.RunPhraseWeight;
            query.Add(phrase, Occur.SHOULD);
        }

        if (_options.Adjacency == AdjacencyBoost.Words)
        {
            AddDictionaryWords(query, units);
        }
        else if (_options.Adjacency != AdjacencyBoost.None)
        {
            for (var i = 0; i + 1 < units.Count; i++)
            {
                if (units[i].SingleTerm is { } first && units[i + 1].SingleTerm is { } second)
                {
                    query.Add(AdjacencyQuery(first, second), Occur.SHOULD);
                }
            }
        }

        return query;
    }

    /// <summary>A quoted phrase: its words in order, in the title or the text. Null when it holds no token.</summary>
    public Query? Phrase(string text)
    {
        var units = _reader.Read(text);
        return units.Count == 0 ? null : PhraseQueryOf(units);
    }

    private BooleanQuery PhraseQueryOf(List<QueryUnit> units)
    {
        var variants = new List<List<(string Term, int Position)>> { new() };
        var widths = new List<int> { 0 };
        foreach (var unit in units)
        {
            var next = new List<List<(string, int)>>();
            var nextWidths = new List<int>();
            for (var v = 0; v < variants.Count; v++)
            {
                foreach (var alternative in unit.Alternatives)
                {
                    if (next.Count >= MaxPhraseVariants && alternative != unit.Alternatives[0])
                    {
                        continue;
                    }

                    var terms = new List<(string, int)>(variants[v]);
                    terms.AddRange(alternative.Terms.Select((t, i) => (t, widths[v] + alternative.Positions[i])));
                    next.Add(terms);
                    nextWidths.Add(widths[v] + alternative.Width);
                }
            }

            variants = next;
            widths = nextWidths;
        }

        var either = new BooleanQuery();
        foreach (var variant in variants)
        {
            var terms = variant.Select(t => t.Term).ToList();
            foreach (var (field, weight) in Fields(terms))
            {
                var phrase = new PhraseQuery { Boost = weight };
                foreach (var (term, position) in variant)
                {
                    phrase.Add(new Term(field, FieldTerm(field, term)), position);
                }

                either.Add(phrase, Occur.SHOULD);
            }
        }

        return either;
    }

    private Query UnitQuery(QueryUnit unit, bool preferredOnly = false)
    {
        var clauses = new List<Query>();
        foreach (var alternative in unit.Alternatives)
        {
            foreach (var (field, weight) in Fields(alternative.Terms))
            {
                if (preferredOnly && AnalyzedFields.IsFolded(field) && alternative.Terms.Any(t => VietnameseText.HasDiacritics(t)))
                {
                    continue;
                }

                Query query;
                if (alternative.Terms.Count == 1)
                {
                    query = new TermQuery(new Term(field, FieldTerm(field, alternative.Terms[0])));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    for (var i = 0; i < alternative.Terms.Count; i++)
                    {
                        phrase.Add(new Term(field, FieldTerm(field, alternative.Terms[i])), alternative.Positions[i]);
                    }

                    query = phrase;
                }

                query.Boost = weight;
                clauses.Add(query);
            }
        }

        if (_options.FieldTieBreaker is { } tieBreaker)
        {
            // The best field counts fully, the others only by the tie-breaker: a word in the title is not
            // counted again in the folded title.
            var best = new DisjunctionMaxQuery(tieBreaker);
            foreach (var clause in clauses)
            {
                best.Add(clause);
            }

            return best;
        }

        var either = new BooleanQuery();
        foreach (var clause in clauses)
        {
            either.Add(clause, Occur.SHOULD);
        }

        return either;
    }

    private void AddDictionaryWords(BooleanQuery query, List<QueryUnit> units)
    {
        var lexicon = _options.Lexicon ?? VietnameseLexicon.Empty;
        var i = 0;
        while (i < units.Count)
        {
            var run = units.Skip(i).TakeWhile(u => u.SingleTerm is not null).Select(u => u.SingleTerm!).ToList();
            if (run.Count < 2)
            {
                i += Math.Max(run.Count, 1);
                continue;
            }

            var j = 0;
            while (j < run.Count)
            {
                var length = lexicon.LongestMatch(run, j);
                if (length > 1)
                {
                    var word = VietnameseText.Fold(string.Join(' ', run.Skip(j).Take(length)));
                    query.Add(new TermQuery(new Term(AnalyzedFields.TitleWords, word)) { Boost = _options.AdjacencyWeight * _options.TitleBoost }, Occur.SHOULD);
                    query.Add(new TermQuery(new Term(AnalyzedFields.TextWords, word)) { Boost = _options.AdjacencyWeight }, Occur.SHOULD);
                }

                j += length;
            }

            i += run.Count;
        }
    }

    private Query AdjacencyQuery(string first, string second)
    {
        var either = new BooleanQuery();
        if (_options.Adjacency == AdjacencyBoost.Pairs)
        {
            // The pair fields are folded: typed with diacritics, the exact adjacent pair must count more
            // ("hàng trống" over "hàng trong"), so it is checked on the exact fields by position.
            var exact = VietnameseText.HasDiacritics(first) || VietnameseText.HasDiacritics(second);
            var weight = _options.AdjacencyWeight * (exact ? _options.FoldedWeightWhenExact : 1f);
            var pair = VietnameseText.Fold(first) + " " + VietnameseText.Fold(second);
            if (weight > 0)
            {
                either.Add(new TermQuery(new Term(AnalyzedFields.TitlePairs, pair)) { Boost = weight * _options.TitleBoost }, Occur.SHOULD);
                either.Add(new TermQuery(new Term(AnalyzedFields.TextPairs, pair)) { Boost = weight }, Occur.SHOULD);
            }

            if (exact)
            {
                either.Add(Boosted(new PhraseQuery { new Term(AnalyzedFields.Title, first), new Term(AnalyzedFields.Title, second) }, _options.AdjacencyWeight * _options.TitleBoost), Occur.SHOULD);
                either.Add(Boosted(new PhraseQuery { new Term(AnalyzedFields.Text, first), new Term(AnalyzedFields.Text, second) }, _options.AdjacencyWeight), Occur.SHOULD);
            }
        }
        else
        {
            foreach (var (field, weight) in Fields([first, second]))
            {
                var phrase = new PhraseQuery { Boost = weight * _options.AdjacencyWeight };
                phrase.Add(new Term(field, FieldTerm(field, first)));
                phrase.Add(new Term(field, FieldTerm(field, second)));
                either.Add(phrase, Occur.SHOULD);
            }
        }

        return either;
    }

    // Terms typed with diacritics match the exact fields and, weakly, the folded ones; others the folded ones.
    private IEnumerable<(string Field, float Weight)> Fields(IReadOnlyList<string> terms)
    {
        var exact = terms.Any(t => VietnameseText.HasDiacritics(t));
        if (exact)
        {
            yield return (AnalyzedFields.Title, _options.TitleBoost);
            yield return (AnalyzedFields.Text, 1f);
            if (_options.FoldedWeightWhenExact > 0)
            {
                yield return (AnalyzedFields.TitleFolded, _options.TitleBoost * _options.FoldedWeightWhenExact);
                yield return (AnalyzedFields.TextFolded, _options.FoldedWeightWhenExact);
            }
        }
        else
        {
            yield return (AnalyzedFields.TitleFolded, _options.TitleBoost);
            yield return (AnalyzedFields.TextFolded, 1f);
        }
    }

    private static string FieldTerm(string field, string term)
        => AnalyzedFields.IsFolded(field) ? VietnameseText.Fold(term) : term;

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }
}
