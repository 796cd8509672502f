using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Text;

namespace SearchService.Core.Analysis;

/// <summary>One way to match a query unit: its terms (exact form) at relative positions, spanning Width positions.</summary>
internal sealed record QueryAlternative(IReadOnlyList<string> Terms, IReadOnlyList<int> Positions, int Width);

/// <summary>
/// One unit of a query run: a word, a document symbol, a stacked pair ("IV"/"4"), or an abbreviation with
/// its expansions; any alternative matches. SingleTerm is set for a plain word (adjacency applies).
/// </summary>
internal sealed record QueryUnit(IReadOnlyList<QueryAlternative> Alternatives, bool Stopword, string? SingleTerm);

/// <summary>
/// Reads query text into <see cref="QueryUnit"/>s with the exact-field chain of the analyzer: symbols with their
/// width, stacked tokens as alternatives, abbreviations and expansions as alternatives (both ways; "upper"
/// abbreviations only when typed in capitals), function words marked.
/// </summary>
internal sealed class QueryUnitReader
{
    private readonly Analyzer _analyzer;
    private readonly List<Rule> _rules = [];
    private readonly HashSet<string> _stopwords;
    private readonly HashSet<string> _foldedStopwords;

    public QueryUnitReader(Analyzer analyzer, IReadOnlyList<Abbreviation> abbreviations, IReadOnlySet<string> stopwords)
    {
        _analyzer = analyzer;
        _stopwords = stopwords.ToHashSet(StringComparer.Ordinal);
        _foldedStopwords = _stopwords.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var abbreviation in abbreviations)
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

    /// <summary>The units of a run of query text, in order.</summary>
    public List<QueryUnit> Read(string text)
    {
        var tokens = Analyze(text);
        var units = new List<QueryUnit>();
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

                units.Add(new QueryUnit([new QueryAlternative([token.Term], [0], Math.Max(width, 1))], Stopword: false, SingleTerm: null));
                continue;
            }

            if (token.Increment == 0 && units.Count > 0)
            {
                // A stacked form of the previous word ("4" under "IV"): either one matches.
                var previous = units[^1];
                units[^1] = previous with
                {
                    Alternatives = [.. previous.Alternatives, new QueryAlternative([token.Term], [0], 1)],
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
            units.Add(new QueryUnit([new QueryAlternative([token.Term], [0], 1)], stopword, token.Term));
            i++;
        }

        return units;
    }

    private bool TryAbbreviation(string text, List<QueryToken> tokens, int start, out QueryUnit unit, out int consumed)
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
        var alternatives = new List<QueryAlternative> { Sequence(typed) };
        foreach (var rule in matched)
        {
            if (!alternatives.Any(a => a.Terms.SequenceEqual(rule.To)))
            {
                alternatives.Add(Sequence(rule.To));
            }
        }

        unit = new QueryUnit(alternatives, Stopword: false, SingleTerm: null);
        return true;
    }

    private static QueryAlternative Sequence(IReadOnlyList<string> terms)
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

    private readonly record struct QueryToken(string Term, string Type, int Start, int End, int Increment);

    private sealed record Rule(string[] From, string[] To, bool RequireUpper);
}
