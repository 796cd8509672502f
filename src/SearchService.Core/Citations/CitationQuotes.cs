using SearchService.Core.Documents;

namespace SearchService.Core.Citations;

/// <summary>The sentences of a document that mention any of a set of keys.</summary>
internal static class CitationQuotes
{
    /// <summary>
    /// One quote per sentence, in text order: two mentions in one sentence give it once, with the key
    /// of the first. Offsets locate the sentence in the document text.
    /// </summary>
    public static IReadOnlyList<CitationQuote> For(StoredDocument document, IReadOnlySet<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var quotes = new List<CitationQuote>();
        var seen = new HashSet<(int, int)>();
        foreach (var mention in document.Mentions.Where(m => keys.Contains(m.Key)).OrderBy(m => m.Start))
        {
            var (start, end) = Locate(document.Text, mention.Sentence, mention.Start, mention.End);
            if (seen.Add((start, end)))
            {
                quotes.Add(new CitationQuote(mention.Sentence, start, end, mention.Key));
            }
        }

        return quotes;
    }

    /// <summary>The sentence is a trimmed slice of the text around the mention; find that slice.</summary>
    private static (int Start, int End) Locate(string text, string sentence, int mentionStart, int mentionEnd)
    {
        if (sentence.Length > 0 && sentence.Length <= text.Length)
        {
            var from = Math.Clamp(mentionEnd - sentence.Length, 0, text.Length);
            var at = text.IndexOf(sentence, from, StringComparison.Ordinal);
            if (at >= 0 && at <= mentionStart)
            {
                return (at, at + sentence.Length);
            }
        }

        // An index written by an older extractor may not match: the mention's own span still locates it.
        return (mentionStart, mentionEnd);
    }
}
