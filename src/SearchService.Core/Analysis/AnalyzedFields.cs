namespace SearchService.Core.Analysis;

/// <summary>
/// The Lucene fields the title and the body text are indexed into. The first of each list is the
/// exact field, which also stores the value; the others index other forms of the same text.
/// </summary>
public static class AnalyzedFields
{
    /// <summary>Exact form of the title (NFC, one tone placement, lower case); stored.</summary>
    public const string Title = "title";

    /// <summary>Exact form of the body text; stored.</summary>
    public const string Text = "text";

    /// <summary>The title without diacritics ("chi thi"), so queries typed without them match.</summary>
    public const string TitleFolded = "title_folded";

    /// <summary>The body text without diacritics.</summary>
    public const string TextFolded = "text_folded";

    /// <summary>Adjacent syllable pairs of the folded title ("chi thi"): ranks whole words and adjacent query words higher.</summary>
    public const string TitlePairs = "title_pairs";

    /// <summary>Adjacent syllable pairs of the folded body text.</summary>
    public const string TextPairs = "text_pairs";

    /// <summary>Dictionary words of the folded title (measured alternative to pairs; not indexed by default).</summary>
    public const string TitleWords = "title_words";

    /// <summary>Dictionary words of the folded body text (measured alternative to pairs; not indexed by default).</summary>
    public const string TextWords = "text_words";

    /// <summary>Every field the title is indexed into; the first is the stored exact field.</summary>
    public static IReadOnlyList<string> TitleFields { get; } = [Title, TitleFolded, TitlePairs];

    /// <summary>Every field the body text is indexed into; the first is the stored exact field.</summary>
    public static IReadOnlyList<string> TextFields { get; } = [Text, TextFolded, TextPairs];

    /// <summary>True for the fields whose terms carry no diacritics.</summary>
    public static bool IsFolded(string field) => field is TitleFolded or TextFolded or TitlePairs or TextPairs or TitleWords or TextWords;

    /// <summary>The form of the text a title or text field indexes (exact, folded or pairs).</summary>
    public static VietnameseForm FormOf(string field) => IsPairs(field) ? VietnameseForm.Pairs : IsFolded(field) ? VietnameseForm.Folded : VietnameseForm.Exact;

    /// <summary>True for the fields of syllable pairs, which single-syllable queries cannot match.</summary>
    public static bool IsPairs(string field) => field is TitlePairs or TextPairs;
}
