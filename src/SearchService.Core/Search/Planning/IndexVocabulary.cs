using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Analysis;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// What the index's own words say about a query word: its most frequent accented form (to rank a query typed
/// without diacritics as its accented reading) and the words one edit away (typo corrections), ranked by how
/// often they stand next to the query's neighbouring words. One per index reader, answers cached with it.
/// </summary>
/// <remarks>
/// Statistics come from the largest segments only (at most <see cref="MaxLeaves"/>): they hold most of the
/// documents, and a word's frequency there ranks its forms as well as the whole index would, at a bounded cost.
/// </remarks>
internal sealed class IndexVocabulary
{
    /// <summary>Longest folded syllable that is restored or corrected; longer tokens are names, codes or noise.</summary>
    public const int MaxWordLength = 12;

    private const int MaxLeaves = 3;
    private const int MaxFuzzyCandidates = 256;

    private static readonly ConditionalWeakTable<IndexReader, IndexVocabulary> ByReader = new();

    private static readonly Dictionary<char, string> Qualities = new()
    {
        ['a'] = "aăâ",
        ['e'] = "eê",
        ['o'] = "oôơ",
        ['u'] = "uư",
        ['i'] = "i",
        ['y'] = "y",
    };

    private static readonly Dictionary<char, string> Tones = new()
    {
        ['a'] = "aàáảãạ", ['ă'] = "ăằắẳẵặ", ['â'] = "âầấẩẫậ", ['e'] = "eèéẻẽẹ", ['ê'] = "êềếểễệ",
        ['i'] = "iìíỉĩị", ['o'] = "oòóỏõọ", ['ô'] = "ôồốổỗộ", ['ơ'] = "ơờớởỡợ", ['u'] = "uùúủũụ",
        ['ư'] = "ưừứửữự", ['y'] = "yỳýỷỹỵ",
    };

    private readonly List<AtomicReader> _leaves;
    private readonly ConcurrentDictionary<string, string> _restored = new(StringComparer.Ordinal);

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
    /// Whether a folded word is too rare in the index to be what the user meant (no document, or about one in
    /// ten thousand), so that words one edit away are tried: a word the index knows well is taken as typed.
    /// </summary>
    public bool IsRare(string folded)
    {
        var documents = _leaves.Sum(l => (long)l.NumDocs);
        var count = DocFreq(AnalyzedFields.TextFolded, folded) + DocFreq(AnalyzedFields.TitleFolded, folded);
        return count < 1 + (documents / 10_000);
    }

    /// <summary>
    /// The accented form of a folded syllable the text uses most ("truong" → "trường"); the syllable itself
    /// when it is most often written without marks or is not a Vietnamese syllable.
    /// </summary>
    public string Restore(string folded)
    {
        if (folded.Length is 0 or > MaxWordLength || !folded.All(char.IsAsciiLetterLower))
        {
            return folded;
        }

        return _restored.GetOrAdd(folded, word =>
        {
            var best = word;
            var bestCount = DocFreq(AnalyzedFields.Text, word);
            foreach (var form in AccentedForms(word))
            {
                var count = DocFreq(AnalyzedFields.Text, form);
                if (count > bestCount)
                {
                    (best, bestCount) = (form, count);
                }
            }

            return best;
        });
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

        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in _leaves)
        {
            var terms = leaf.GetTerms(AnalyzedFields.TextFolded);
            if (terms is null)
            {
                continue;
            }

            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(AnalyzedFields.TextFolded, folded), 1f, 0, transpositions: true);
            var seen = 0;
            while (fuzzy.MoveNext() && seen++ < MaxFuzzyCandidates)
            {
                var term = fuzzy.Term.Utf8ToString();
                if (term != folded && term.Length >= 2 && term.All(char.IsLetter))
                {
                    candidates[term] = candidates.GetValueOrDefault(term) + fuzzy.DocFreq;
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

    // Every spelling with marks whose folded form is the syllable: vowel qualities (a/ă/â, o/ô/ơ, …), one tone
    // on any vowel, đ for a leading d; normalised to the archive's tone placement.
    private static HashSet<string> AccentedForms(string folded)
    {
        var bases = new List<string> { "" };
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var options = Qualities.TryGetValue(c, out var q) ? q : c == 'd' && i == 0 ? "dđ" : c.ToString();
            bases = bases.SelectMany(b => options.Select(o => b + o)).ToList();
            if (bases.Count > 64)
            {
                return [];
            }
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in bases)
        {
            if (word != folded)
            {
                forms.Add(word);
            }

            for (var i = 0; i < word.Length; i++)
            {
                if (!Tones.TryGetValue(word[i], out var toned))
                {
                    continue;
                }

                for (var tone = 1; tone < toned.Length; tone++)
                {
                    forms.Add(VietnameseText.Normalize(string.Concat(word.AsSpan(0, i), toned.AsSpan(tone, 1), word.AsSpan(i + 1))));
                }
            }
        }

        return forms;
    }
}
