using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search;

/// <summary>
/// Picks the passages of a document that best show why it matched: the text is re-analysed with the
/// index's analyzers, so a match found in the folded field ("chi thi") highlights the original "chỉ thị",
/// and offsets point into the stored text. Where the index kept the offsets of the words
/// (<see cref="PostingsMatches"/>), the matches come from there and the text is not analysed.
/// </summary>
internal sealed class SnippetBuilder
{
    /// <summary>Longest prefix of a document that is analysed for snippets; matches beyond are not shown.</summary>
    private const int MaxAnalyzedChars = 200_000;

    /// <summary>
    /// The prefix analysed first: most reports are shorter, and in a long one (a law) the first matches make
    /// the snippets; the rest, up to <see cref="MaxAnalyzedChars"/>, is analysed only when it holds none.
    /// </summary>
    private const int FirstAnalyzedChars = 20_000;

    /// <summary>
    /// The best passages of <paramref name="text"/> for the query terms: from <paramref name="indexed"/> (the terms'
    /// matches read from the index) when given, else from analysing the text.
    /// </summary>
    public IReadOnlyList<Snippet> Build(string text, IReadOnlySet<Term> terms, IReadOnlyList<TextMatch>? indexed = null, int maxSnippets = 2, int size = 220)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var matches = text.Length > FirstAnalyzedChars ? FindMatches(text, terms, FirstAnalyzedChars, indexed) : [];
        if (matches.Count == 0)
        {
            matches = FindMatches(text, terms, MaxAnalyzedChars, indexed);
        }

        if (matches.Count == 0)
        {
            var end = SnapEnd(text, Math.Min(text.Length, size));
            return [new Snippet(Flatten(text[..end]), [], 0)];
        }

        var snippets = new List<Snippet>();
        var remaining = matches;
        while (snippets.Count < maxSnippets && remaining.Count > 0)
        {
            var (start, end) = BestWindow(text, remaining, size);
            var inside = remaining.Where(m => m.Start >= start && m.End <= end).ToList();
            snippets.Add(new Snippet(
                Flatten(text[start..end]),
                inside.Select(m => new TextRange(m.Start - start, m.End - start)).ToList(),
                start));
            remaining = remaining.Where(m => m.End <= start || m.Start >= end).ToList();
        }

        return snippets.OrderBy(s => s.DocumentOffset).ToList();
    }

    private static List<TextMatch> FindMatches(string text, IReadOnlySet<Term> terms, int maxChars, IReadOnlyList<TextMatch>? indexed)
    {
        var limit = text.Length > maxChars ? SnapEnd(text, maxChars) : text.Length;
        var typed = new TypedWords(terms.Where(t => t.Field == AnalyzedFields.Text).Select(t => t.Text));
        var found = indexed is null
            ? Analyse(text[..limit], terms, typed)
            : indexed.Where(m => m.End <= limit && m.End > m.Start && typed.Accepts(text.AsSpan(m.Start, m.End - m.Start))).ToList();

        return Merge(found);
    }

    private static List<TextMatch> Analyse(string text, IReadOnlySet<Term> terms, TypedWords typed)
    {
        var found = new List<TextMatch>();
        AnalyzedText? tokens = null;
        foreach (var field in AnalyzedFields.TextFields)
        {
            var wanted = terms.Where(t => t.Field == field).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
            if (wanted.Count == 0)
            {
                continue;
            }

            // One analysis of the text serves every field, as at indexing.
            tokens ??= AnalyzedText.Of(text);
            using var stream = tokens.Stream(AnalyzedFields.FormOf(field));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            // Looked up by span: thousands of tokens per document, a handful of matches.
            var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var value)
                    && offset.EndOffset > offset.StartOffset && offset.EndOffset <= text.Length
                    && (field == AnalyzedFields.Text || typed.Accepts(text.AsSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset))))
                {
                    found.Add(new TextMatch(offset.StartOffset, offset.EndOffset, value));
                }
            }

            stream.End();
        }

        return found;
    }

    private static List<TextMatch> Merge(List<TextMatch> found)
    {
        // One range per stretch of text, in order: the exact and folded fields find the same words. The order is
        // total (a merged range keeps the term of its first match, which the best window counts).
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : string.CompareOrdinal(a.Term, b.Term));
        var merged = new List<TextMatch>();
        foreach (var match in found)
        {
            if (merged.Count > 0 && match.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, match.End) };
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>The window of about <paramref name="size"/> characters with the most distinct matched terms.</summary>
    private static (int Start, int End) BestWindow(string text, List<TextMatch> matches, int size)
    {
        var bestFirst = 0;
        var bestLast = 0;
        var bestScore = -1;
        for (var first = 0; first < matches.Count; first++)
        {
            var last = first;
            while (last + 1 < matches.Count && matches[last + 1].End - matches[first].Start <= size)
            {
                last++;
            }

            var window = matches.GetRange(first, last - first + 1);
            var score = (window.Select(m => m.Term).Distinct(StringComparer.Ordinal).Count() * 100) + window.Count;
            if (score > bestScore)
            {
                (bestFirst, bestLast, bestScore) = (first, last, score);
            }
        }

        var spanStart = matches[bestFirst].Start;
        var spanEnd = matches[bestLast].End;
        var slack = Math.Max(0, size - (spanEnd - spanStart));
        var start = Math.Max(0, spanStart - Math.Min(slack / 3, 80));
        start = SnapStart(text, start, spanStart);
        var end = Math.Min(text.Length, Math.Max(spanEnd, start + size));
        end = SnapEnd(text, end);
        return (start, Math.Max(end, spanEnd));
    }

    /// <summary>Moves the start forward to a sentence or word start, never past the first match.</summary>
    private static int SnapStart(string text, int start, int limit)
    {
        if (start == 0)
        {
            return 0;
        }

        for (var i = start; i < limit && i - start < 60; i++)
        {
            if (text[i - 1] is '.' or '\n' or ';' && char.IsWhiteSpace(text[i]))
            {
                return SkipSpaces(text, i, limit);
            }
        }

        for (var i = start; i < limit; i++)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return SkipSpaces(text, i, limit);
            }
        }

        return start;
    }

    private static int SkipSpaces(string text, int i, int limit)
    {
        while (i < limit && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Moves the end back to a word end.</summary>
    private static int SnapEnd(string text, int end)
    {
        if (end >= text.Length)
        {
            return text.Length;
        }

        for (var i = end; i > end - 40 && i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>Line ends become spaces: same length, so offsets stay valid.</summary>
    private static string Flatten(string passage) => passage.Replace('\n', ' ');

    /// <summary>
    /// The words the user typed with diacritics. A match found without diacritics ("Chí Thị", a name)
    /// is shown only where each such word is written as typed ("chỉ thị"); words typed without
    /// diacritics match any spelling.
    /// </summary>
    private sealed class TypedWords
    {
        private readonly HashSet<string> _exact;
        private readonly HashSet<string> _folded;

        public TypedWords(IEnumerable<string> exactTerms)
        {
            _exact = exactTerms.ToHashSet(StringComparer.Ordinal);
            _folded = _exact.Where(t => VietnameseText.HasDiacritics(t)).Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        }

        public bool Accepts(ReadOnlySpan<char> original)
        {
            if (_folded.Count == 0)
            {
                return true;
            }

            foreach (var word in VietnameseText.Normalize(original.ToString()).ToLowerInvariant().Split([' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (_folded.Contains(VietnameseText.Fold(word)) && !_exact.Contains(word))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
