using SearchService.Core.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// A list of multi-syllable Vietnamese words ("xây dựng", "tổ dân phố") for longest-match segmentation,
/// read at run time from a word list file, one word a line, syllables separated by spaces (the MIT list
/// of pyvi, ../shared/lexicon/vi_words_pyvi.txt, is not copied into the repository). Entries are
/// normalised (NFC, one tone placement, lower case); a folded index answers queries typed without diacritics.
/// </summary>
public sealed class VietnameseLexicon
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string> _folded;

    private VietnameseLexicon(HashSet<string> words)
    {
        _words = words;
        _folded = words.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        MaxSyllables = words.Count == 0 ? 1 : words.Max(w => w.Count(c => c == ' ') + 1);
    }

    /// <summary>A lexicon without words: segmentation falls back to single syllables.</summary>
    public static VietnameseLexicon Empty { get; } = new([]);

    /// <summary>Number of multi-syllable words.</summary>
    public int Count => _words.Count;

    /// <summary>Syllables of the longest word.</summary>
    public int MaxSyllables { get; }

    /// <summary>Reads a word list; a missing file gives <see cref="Empty"/>.</summary>
    public static VietnameseLexicon Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return Empty;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var word = string.Join(' ', VietnameseText.Normalize(line).ToLowerInvariant()
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (word.Contains(' ', StringComparison.Ordinal))
            {
                words.Add(word);
            }
        }

        return new VietnameseLexicon(words);
    }

    /// <summary>True when the syllables, joined by single spaces, are a word of the list (exact form).</summary>
    public bool Contains(string syllables) => _words.Contains(syllables);

    /// <summary>True when the folded syllables ("xay dung") are the folded form of a word of the list.</summary>
    public bool ContainsFolded(string foldedSyllables) => _folded.Contains(foldedSyllables);

    /// <summary>
    /// The number of syllables of the longest word starting at <paramref name="start"/> (at least 2),
    /// or 1 when none does. Syllables without diacritics are looked up folded.
    /// </summary>
    public int LongestMatch(IReadOnlyList<string> syllables, int start)
    {
        for (var length = Math.Min(MaxSyllables, syllables.Count - start); length >= 2; length--)
        {
            var candidate = string.Join(' ', syllables.Skip(start).Take(length));
            if (Contains(candidate) || (!VietnameseText.HasDiacritics(candidate) && ContainsFolded(candidate)))
            {
                return length;
            }
        }

        return 1;
    }
}
