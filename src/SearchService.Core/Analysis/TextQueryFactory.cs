using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
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

    private readonly Analyzer _analyzer;
    private readonly TextQueryOptions _options;
    private readonly List<Rule> _rules = [];
    private readonly HashSet<string> _stopwords;
    private readonly HashSet<string> _foldedStopwords;

    /// <summary>A factory with <see cref="TextQueryOptions.Default"/>.</summary>
    public TextQueryFactory(Analyzer analyzer)
        : this(analyzer, TextQueryOptions.Default)
    {
    }

    /// <summary>A factory with the given options.</summary>
    public TextQueryFactory(Analyzer analyzer, TextQueryOptions options)
    {
        _analyzer = analyzer;
        _options = options;
        _stopwords = (options.Stopwords ?? AnalysisResources.Stopwords).ToHashSet(StringComparer.Ordinal);
        _foldedStopwords = _stopwords.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        if (options.ExpandAbbreviations)
        {
            foreach (var abbreviation in options.Abbreviations ?? AnalysisResources.Abbreviations)
            {
                var shortForm = Analyze(abbreviation.Short).Select(t => t.Term).ToArray();
                var longForm = Analyze(abbreviation.Long).Select(t => t.Term).ToArray();
                if (shortForm.Length == 0 || longForm.Length == 0)
                {
                    continue;
                }

                _rules.Add(new Rule(shortForm, longForm, abbreviation.UpperOnly));
                if (!abbreviation.UpperOnly)
                {
                    _rules.Add(new Rule(longForm, shortForm, RequireUpper: false));
                }
            }
        }
    }

    /// <summary>
    /// Free words: each must match in the title or the text (function words only add to the score).
    /// Null when the text holds no searchable token.
    /// </summary>
    public Query? Words(string text)
    {
        var units = Units(text);
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
        var units = Units(text);
        return units.Count == 0 ? null : PhraseQueryOf(units);
    }

    private BooleanQuery PhraseQueryOf(List<Unit> units)
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

    private Query UnitQuery(Unit unit, bool preferredOnly = false)
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

    private void AddDictionaryWords(BooleanQuery query, List<Unit> units)
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

    private List<Unit> Units(string text)
    {
        var tokens = Analyze(text);
        var units = new List<Unit>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Type == TokenTypes.Symbol)
            {
                var width = 0;
                i++;
                while (i < tokens.Count && tokens[i].Type == TokenTypes.SymbolPart)
                {
                    width++;
                    i++;
                }

                units.Add(new Unit([new Alternative([token.Term], [0], Math.Max(width, 1))], Stopword: false, SingleTerm: null));
                continue;
            }

            if (token.Increment == 0 && units.Count > 0)
            {
                // A stacked form of the previous word ("4" under "IV"): either one matches.
                var previous = units[^1];
                units[^1] = previous with
                {
                    Alternatives = [.. previous.Alternatives, new Alternative([token.Term], [0], 1)],
                    SingleTerm = null,
                };
                i++;
                continue;
            }

            if (_rules.Count > 0 && TryAbbreviation(text, tokens, i, out var unit, out var consumed))
            {
                units.Add(unit);
                i += consumed;
                continue;
            }

            var stopword = _stopwords.Contains(token.Term)
                || (!VietnameseText.HasDiacritics(token.Term) && _foldedStopwords.Contains(token.Term));
            units.Add(new Unit([new Alternative([token.Term], [0], 1)], stopword, token.Term));
            i++;
        }

        return units;
    }

    private bool TryAbbreviation(string text, List<QueryToken> tokens, int start, out Unit unit, out int consumed)
    {
        unit = null!;
        consumed = 0;
        List<Rule>? matched = null;
        foreach (var rule in _rules)
        {
            var length = rule.From.Length;
            if (length < consumed || start + length > tokens.Count || !Matches(rule.From, tokens, start))
            {
                continue;
            }

            if (rule.RequireUpper && !IsUpper(text, tokens[start].Start, tokens[start + length - 1].End))
            {
                continue;
            }

            if (length > consumed)
            {
                matched = [];
                consumed = length;
            }

            matched!.Add(rule);
        }

        if (matched is null)
        {
            return false;
        }

        var typed = tokens.Skip(start).Take(consumed).Select(t => t.Term).ToArray();
        var alternatives = new List<Alternative> { Sequence(typed) };
        foreach (var rule in matched)
        {
            if (!alternatives.Any(a => a.Terms.SequenceEqual(rule.To)))
            {
                alternatives.Add(Sequence(rule.To));
            }
        }

        unit = new Unit(alternatives, Stopword: false, SingleTerm: null);
        return true;
    }

    private static Alternative Sequence(IReadOnlyList<string> terms)
        => new(terms, Enumerable.Range(0, terms.Count).ToArray(), terms.Count);

    // A typed word without diacritics matches the rule's word folded ("hdnd" → "hđnd").
    private static bool Matches(string[] from, List<QueryToken> tokens, int start)
    {
        for (var i = 0; i < from.Length; i++)
        {
            var typed = tokens[start + i];
            if (typed.Type == TokenTypes.Symbol || typed.Type == TokenTypes.SymbolPart || typed.Increment == 0)
            {
                return false;
            }

            var equal = typed.Term == from[i]
                || (!VietnameseText.HasDiacritics(typed.Term) && typed.Term == VietnameseText.Fold(from[i]));
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpper(string text, int start, int end)
    {
        var letters = false;
        for (var i = Math.Max(0, start); i < Math.Min(end, text.Length); i++)
        {
            if (char.IsLower(text[i]))
            {
                return false;
            }

            letters |= char.IsLetter(text[i]);
        }

        return letters;
    }

    private List<QueryToken> Analyze(string text)
    {
        var tokens = new List<QueryToken>();
        using var stream = _analyzer.GetTokenStream(AnalyzedFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new QueryToken(term.ToString(), type.Type, offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }

    private readonly record struct QueryToken(string Term, string Type, int Start, int End, int Increment);

    private sealed record Rule(string[] From, string[] To, bool RequireUpper);

    private sealed record Alternative(IReadOnlyList<string> Terms, IReadOnlyList<int> Positions, int Width);

    private sealed record Unit(IReadOnlyList<Alternative> Alternatives, bool Stopword, string? SingleTerm);
}
