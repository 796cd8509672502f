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

    public static IReadOnlyList<string> TitleFields { get; } = [Title, TitleFolded];

    public static IReadOnlyList<string> TextFields { get; } = [Text, TextFolded];

    public static bool IsFolded(string field) => field is TitleFolded or TextFolded;
}
