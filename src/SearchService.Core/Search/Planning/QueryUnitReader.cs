using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>One way to match a query unit: its terms (exact form) at relative positions, spanning Width positions.</summary>
internal sealed record QueryAlternative(IReadOnlyList<string> Terms, IReadOnlyList<int> Positions, int Width)
{
    public static QueryAlternative Sequence(IReadOnlyList<string> terms)
        => new(terms, Enumerable.Range(0, terms.Count).ToArray(), terms.Count);
}

/// <summary>
/// One unit of a query run: a word, a document symbol, a stacked pair ("IV"/"4"), an abbreviation with its
/// expansions, or a word typed in Telex/VNI with its Vietnamese reading; any alternative matches.
/// <see cref="SingleTerm"/> is set for a plain word (adjacency bonuses and corrections apply to it).
/// </summary>
internal sealed record QueryUnit(IReadOnlyList<QueryAlternative> Alternatives, bool Stopword, string? SingleTerm)
{
    /// <summary>The unit as the user typed it, for the response ("no results with X").</summary>
    public string Typed { get; init; } = "";

    /// <summary>The Vietnamese reading of a word typed with the input method off ("quyeets" → "quyết"), else null.</summary>
    public string? Decoded { get; init; }

    /// <summary>Whether the unit is a number or a document symbol, which is never corrected.</summary>
    public bool Literal { get; init; }
}

/// <summary>
/// Reads query text into <see cref="QueryUnit"/>s with the exact-field chain of the analyzer: symbols with their
/// width, stacked tokens as alternatives, abbreviations and expansions as alternatives (both ways; "upper"
/// abbreviations only when typed in capitals), a number typed with a space for its point ("4 0" → "4.0"),
/// words typed in Telex or VNI with their Vietnamese reading, function words marked.
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

                units.Add(new QueryUnit([new QueryAlternative([token.Term], [0], Math.Max(width, 1))], Stopword: false, SingleTerm: null)
                {
                    Typed = Typed(text, token.Start, token.End),
                    Literal = true,
                });
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

            if (TryTypedWord(text, tokens, i, out var typedUnit, out var typedConsumed)
                || TryNumberWithSpace(text, tokens, i, out typedUnit, out typedConsumed)
                || (_rules.Count > 0 && TryAbbreviation(text, tokens, i, out typedUnit, out typedConsumed)))
            {
                units.Add(typedUnit);
                i += typedConsumed;
                continue;
            }

            var stopword = _stopwords.Contains(token.Term)
                || (!VietnameseText.HasDiacritics(token.Term) && _foldedStopwords.Contains(token.Term));
            units.Add(new QueryUnit([new QueryAlternative([token.Term], [0], 1)], stopword, token.Term)
            {
                Typed = Typed(text, token.Start, token.End),
                Literal = token.Type == TokenTypes.Number || token.Term.Any(char.IsDigit),
            });
            i++;
        }

        return units;
    }

    // A whitespace-delimited word typed in Telex or VNI ("quyeets", "nghi5"): its tokens as typed, or its
    // Vietnamese reading; the reading is the word for adjacency.
    private static bool TryTypedWord(string text, List<QueryToken> tokens, int start, out QueryUnit unit, out int consumed)
    {
        unit = null!;
        consumed = 0;
        var (wordStart, wordEnd) = WordAround(text, tokens[start].Start);
        if (wordStart != tokens[start].Start || !TypedVietnamese.TryDecode(text[wordStart..wordEnd], out var decoded))
        {
            return false;
        }

        var end = start;
        while (end < tokens.Count && tokens[end].End <= wordEnd)
        {
            end++;
        }

        if (end == start)
        {
            return false;
        }

        decoded = VietnameseText.Normalize(decoded);
        var typed = tokens.Skip(start).Take(end - start).Where(t => t.Increment > 0).Select(t => t.Term).ToArray();
        unit = new QueryUnit([QueryAlternative.Sequence([decoded]), QueryAlternative.Sequence(typed)], Stopword: false, decoded)
        {
            Typed = text[wordStart..wordEnd],
            Decoded = decoded,
        };
        consumed = end - start;
        return true;
    }

    // "4 0" typed for "4.0": the two numbers in a row, or the decimal the index holds as one token.
    private static bool TryNumberWithSpace(string text, List<QueryToken> tokens, int start, out QueryUnit unit, out int consumed)
    {
        unit = null!;
        consumed = 0;
        if (start + 1 >= tokens.Count || !IsDigits(tokens[start].Term) || !IsDigits(tokens[start + 1].Term)
            || tokens[start + 1].Increment != 1 || tokens[start + 1].Term.Length > 2
            || !string.IsNullOrWhiteSpace(text[tokens[start].End..tokens[start + 1].Start]))
        {
            return false;
        }

        var (first, second) = (tokens[start].Term, tokens[start + 1].Term);
        unit = new QueryUnit(
            [QueryAlternative.Sequence([first, second]), QueryAlternative.Sequence([first + "." + second]), QueryAlternative.Sequence([first + "," + second])],
            Stopword: false,
            SingleTerm: null)
        {
            Typed = text[tokens[start].Start..tokens[start + 1].End],
            Literal = true,
        };
        consumed = 2;
        return true;
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
        var alternatives = new List<QueryAlternative> { QueryAlternative.Sequence(typed) };
        foreach (var rule in matched)
        {
            if (!alternatives.Any(a => a.Terms.SequenceEqual(rule.To)))
            {
                alternatives.Add(QueryAlternative.Sequence(rule.To));
            }
        }

        unit = new QueryUnit(alternatives, Stopword: false, SingleTerm: null)
        {
            Typed = Typed(text, tokens[start].Start, tokens[start + consumed - 1].End),
            Literal = true,
        };
        return true;
    }

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

    private static bool IsDigits(string term) => term.Length > 0 && term.All(char.IsAsciiDigit);

    private static (int Start, int End) WordAround(string text, int at)
    {
        var start = Math.Clamp(at, 0, text.Length);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static string Typed(string text, int start, int end)
        => start >= 0 && end <= text.Length && start < end ? text[start..end] : "";

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
