using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search;

/// <summary>
/// Where the query's words are in the hits of a page, read from the postings of the folded body text, which keep
/// each word's position and offsets: the snippets of a page no longer analyse each hit's text again (that was a
/// third of a search). A word typed with diacritics is checked against the text at its offsets (as the snippets of
/// analysed text are); two query words that stand next to each other make one match, as a syllable pair does.
/// </summary>
/// <remarks>
/// A segment written before the folded text kept offsets gives no matches here (<see cref="Find"/> leaves its hits
/// out), and their snippets come from analysing the text, as before.
/// </remarks>
internal static class PostingsMatches
{
    /// <summary>
    /// For each hit (a doc id of <paramref name="searcher"/>) whose segment has offsets, the matches of the terms
    /// of the body-text fields among <paramref name="terms"/>; hits of other segments are absent.
    /// </summary>
    public static Dictionary<int, List<TextMatch>> Find(IndexSearcher searcher, IReadOnlyList<int> hits, IReadOnlySet<Term> terms)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            switch (term.Field)
            {
                case AnalyzedFields.Text or AnalyzedFields.TextFolded:
                    words.Add(VietnameseText.Fold(term.Text));
                    break;
                case AnalyzedFields.TextPairs:
                    pairs.Add(term.Text);
                    break;
            }
        }

        // The words of a pair are looked up too, to find the pair.
        var lookedUp = words.Concat(pairs.SelectMany(p => p.Split(' '))).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<int, List<TextMatch>>();
        var leaves = searcher.IndexReader.Leaves;
        foreach (var inLeaf in hits.Distinct().Order().GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            if (leaf.AtomicReader.FieldInfos.FieldInfo(AnalyzedFields.TextFolded)?.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            {
                continue;
            }

            var occurrences = inLeaf.ToDictionary(doc => doc, _ => new List<Occurrence>());
            if (leaf.AtomicReader.GetTerms(AnalyzedFields.TextFolded)?.GetEnumerator() is { } termsEnum)
            {
                foreach (var word in lookedUp)
                {
                    Read(termsEnum, word, leaf, occurrences);
                }
            }

            foreach (var (doc, list) in occurrences)
            {
                found[doc] = Matches(list, words, pairs);
            }
        }

        return found;
    }

    // Every occurrence of the word in the leaf's hits.
    private static void Read(TermsEnum termsEnum, string word, AtomicReaderContext leaf, Dictionary<int, List<Occurrence>> occurrences)
    {
        if (!termsEnum.SeekExact(new BytesRef(word)))
        {
            return;
        }

        var postings = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
        if (postings is null)
        {
            return;
        }

        foreach (var (doc, list) in occurrences)
        {
            // Advance moves past the current document: only called while before the hit (the postings may stand
            // on it already, having passed the hit before it).
            var local = doc - leaf.DocBase;
            if (postings.DocID < local)
            {
                postings.Advance(local);
            }

            if (postings.DocID != local)
            {
                continue;
            }

            for (var i = 0; i < postings.Freq; i++)
            {
                var position = postings.NextPosition();
                list.Add(new Occurrence(position, postings.StartOffset, postings.EndOffset, word));
            }
        }
    }

    // Single words, and two looked-up words at consecutive positions whose pair was asked for.
    private static List<TextMatch> Matches(List<Occurrence> occurrences, HashSet<string> words, HashSet<string> pairs)
    {
        var matches = new List<TextMatch>();
        foreach (var occurrence in occurrences)
        {
            if (words.Contains(occurrence.Word))
            {
                matches.Add(new TextMatch(occurrence.Start, occurrence.End, occurrence.Word));
            }
        }

        if (pairs.Count > 0)
        {
            // In position order, the words at the next position follow each word (stacked forms share one).
            occurrences.Sort((a, b) => a.Position.CompareTo(b.Position));
            for (var i = 0; i < occurrences.Count; i++)
            {
                var first = occurrences[i];
                var j = i + 1;
                while (j < occurrences.Count && occurrences[j].Position == first.Position)
                {
                    j++;
                }

                for (; j < occurrences.Count && occurrences[j].Position == first.Position + 1; j++)
                {
                    var second = occurrences[j];
                    var pair = first.Word + " " + second.Word;
                    if (second.End > first.Start && pairs.Contains(pair))
                    {
                        matches.Add(new TextMatch(first.Start, second.End, pair));
                    }
                }
            }
        }

        return matches;
    }

    private readonly record struct Occurrence(int Position, int Start, int End, string Word);
}

/// <summary>A stretch of a document's text that matched a query term (the term as indexed).</summary>
internal readonly record struct TextMatch(int Start, int End, string Term);
