using SearchService.Core.Documents;

namespace SearchService.Core.Search;

/// <summary>One page of results with the total, the facets and the token of the next page.</summary>
public sealed record SearchPage(
    long TotalSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets,
    string NextPageToken);

public sealed record SearchHit(StoredDocument Document, float Score, IReadOnlyList<Snippet> Snippets);

/// <summary>A passage of the text with the matched words as [Start, End) ranges inside <see cref="Text"/>.</summary>
/// <param name="DocumentOffset">Where <see cref="Text"/> starts in the document text.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Highlights, int DocumentOffset);

/// <summary>A character range [Start, End).</summary>
public readonly record struct TextRange(int Start, int End);

public sealed record FacetResult(string Field, IReadOnlyList<FacetCount> Values);

public sealed record FacetCount(string Value, long Count);
