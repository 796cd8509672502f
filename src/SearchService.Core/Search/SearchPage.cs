using SearchService.Core.Documents;
using SearchService.Core.Search.Planning;

namespace SearchService.Core.Search;

/// <summary>One page of results with the total, the facets and the token of the next page.</summary>
public sealed record SearchPage(
    long TotalSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets,
    string NextPageToken)
{
    /// <summary>How the query was read: relaxed, words dropped, corrections, references resolved.</summary>
    public QueryInterpretation Interpretation { get; init; } = QueryInterpretation.AsTyped;
}

/// <summary>
/// One result; in a relaxed search also the words it lacks and the corrections it matched through. The
/// document holds what a result shows: its mentions and topic evidence are left empty (GetDocument has them,
/// and <see cref="SearchQuery.WholeDocuments"/> asks for them).
/// </summary>
public sealed record SearchHit(StoredDocument Document, float Score, IReadOnlyList<Snippet> Snippets)
{
    public IReadOnlyList<string> MissingWords { get; init; } = [];

    public IReadOnlyList<WordCorrection> Corrections { get; init; } = [];
}

/// <summary>How a query was read.</summary>
/// <param name="Relaxed">No document matched every word as typed; the results match fewer words or corrections.</param>
/// <param name="DroppedWords">Words the first result of the page lacks (typed as in the query).</param>
/// <param name="Corrections">Words read otherwise: typos corrected (that results matched through), Telex/VNI read as Vietnamese.</param>
/// <param name="ReferenceKeys">Mention keys of the references the query names ("Directive 05" → 05-CT/TW).</param>
public sealed record QueryInterpretation(
    bool Relaxed,
    IReadOnlyList<string> DroppedWords,
    IReadOnlyList<WordCorrection> Corrections,
    IReadOnlyList<string> ReferenceKeys)
{
    public static QueryInterpretation AsTyped { get; } = new(false, [], [], []);
}

/// <summary>A passage of the text with the matched words as [Start, End) ranges inside <see cref="Text"/>.</summary>
/// <param name="DocumentOffset">Where <see cref="Text"/> starts in the document text.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Highlights, int DocumentOffset);

/// <summary>A character range [Start, End).</summary>
public readonly record struct TextRange(int Start, int End);

public sealed record FacetResult(string Field, IReadOnlyList<FacetCount> Values);

public sealed record FacetCount(string Value, long Count);
