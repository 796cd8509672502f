namespace SearchService.Core.Analysis;

/// <summary>Which form of the text a <see cref="VietnameseAnalyzer"/> produces.</summary>
public enum VietnameseForm
{
    /// <summary>Syllables with their diacritics, lower case, one tone placement; symbols whole and in parts.</summary>
    Exact,

    /// <summary>As <see cref="Exact"/>, then without diacritics ("chi thi").</summary>
    Folded,

    /// <summary>Adjacent syllable pairs of the folded form ("chi thi"), one token each: multi-syllable words and adjacency.</summary>
    Pairs,

    /// <summary>Dictionary words by longest match ("xay dung"), folded: one token per word or leftover syllable.</summary>
    Words,
}
