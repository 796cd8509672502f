using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// What the index's own words say about a query word: whether it is too rare to be meant as typed, and the
/// words one edit away (typo corrections), ranked by how often they stand next to the query's neighbouring
/// words. One per index reader.
/// </summary>
/// <remarks>
/// Statistics come from the largest segments only (at most <see cref="MaxLeaves"/>): they hold most of the
/// documents, and a word's frequency there ranks its forms as well as the whole index would, at a bounded cost.
/// </remarks>
internal sealed class IndexVocabulary
{
    /// <summary>Longest folded word that is corrected; longer tokens are names, codes or noise.</summary>
    public const int MaxWordLength = 12;

    private const int MaxLeaves = 3;

    private const int MaxFuzzyCandidates = 256;

    private static readonly ConditionalWeakTable<IndexReader, IndexVocabulary> ByReader = new();

    private readonly List<AtomicReader> _leaves;

    private IndexVocabulary(IndexReader reader)
    {
        _leaves = reader.Leaves.Select(l => l.AtomicReader).OrderByDescending(r => r.NumDocs).Take(MaxLeaves).ToList();
    }

    /// <summary>The vocabulary of a reader (built once per reader).</summary>
    public static IndexVocabulary Of(IndexReader reader) => ByReader.GetValue(reader, r => new IndexVocabulary(r));

    /// <summary>Documents (in the sampled segments) whose field holds the term.</summary>
    public long DocFreq(string field, string term)
    {
        long total = 0;
        var bytes = new BytesRef(term);
        foreach (var leaf in _leaves)
        {
            total += leaf.DocFreq(new Term(field, bytes));
        }

        return total;
    }

    /// <summary>
    /// Whether a word as typed (with its diacritics, if typed with them) is too rare in the index to be what the
    /// user meant (no document, or about one in ten thousand), so that words one edit away are tried: a word the
    /// index knows well is taken as typed.
    /// </summary>
    public bool IsRare(string word)
    {
        var documents = _leaves.Sum(l => (long)l.NumDocs);
        var count = VietnameseText.HasDiacritics(word)
            ? DocFreq(AnalyzedFields.Text, word) + DocFreq(AnalyzedFields.Title, word)
            : DocFreq(AnalyzedFields.TextFolded, word) + DocFreq(AnalyzedFields.TitleFolded, word);
        return count < 1 + (documents / 10_000);
    }

    /// <summary>
    /// Folded words one edit (insertion, deletion, substitution, transposition) from <paramref name="folded"/>
    /// that the text holds, best first: those that stand next to a neighbouring query word most often, then the
    /// most frequent. At most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<string> Corrections(string folded, string? previous, string? next, int max)
    {
        if (folded.Length < 3 || folded.Length > MaxWordLength || !folded.All(char.IsLetter))
        {
            return [];
        }

        // One automaton of every word one edit away, compiled once and run over each sampled segment.
        var automaton = new CompiledAutomaton(new LevenshteinAutomata(folded, withTranspositions: true).ToAutomaton(1));
        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in _leaves)
        {
            var terms = leaf.GetTerms(AnalyzedFields.TextFolded);
            if (terms is null)
            {
                continue;
            }

            var matching = automaton.GetTermsEnum(terms);
            var seen = 0;
            while (matching.MoveNext() && seen++ < MaxFuzzyCandidates)
            {
                var term = matching.Term.Utf8ToString();
                if (term != folded && term.Length >= 2 && term.All(char.IsLetter))
                {
                    candidates[term] = candidates.GetValueOrDefault(term) + matching.DocFreq;
                }
            }
        }

        return candidates
            .Select(c => (Term: c.Key, Context: ContextCount(c.Key, previous, next), Count: c.Value))
            .OrderByDescending(c => c.Context)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Term)
            .ToList();
    }

    // How often the candidate stands next to the query's neighbouring words (folded syllable pairs).
    private long ContextCount(string candidate, string? previous, string? next)
    {
        long count = 0;
        if (previous is not null)
        {
            count += DocFreq(AnalyzedFields.TextPairs, VietnameseText.Fold(previous) + " " + candidate);
        }

        if (next is not null)
        {
            count += DocFreq(AnalyzedFields.TextPairs, candidate + " " + VietnameseText.Fold(next));
        }

        return count;
    }
}
