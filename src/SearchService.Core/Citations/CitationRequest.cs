using SearchService.Core.Search;

namespace SearchService.Core.Citations;

/// <summary>What BuildCitations asks for; validated by <see cref="CitationComposer"/>.</summary>
/// <param name="DocumentIds">Documents to cite in this order; or empty, and a query or filter.</param>
/// <param name="Query">User query syntax; its top results are cited in rank order.</param>
/// <param name="Reference">A typed reference ("Chỉ thị 05"); the sentences mentioning it are quoted. Empty quotes nothing.</param>
/// <param name="Style">"text" (default when empty), "markdown", "csl_json" or "bibtex".</param>
/// <param name="MaxResults">How many top results a query cites: 0 means 20, at most 100.</param>
public sealed record CitationRequest(
    IReadOnlyList<string> DocumentIds,
    string Query,
    SearchFilter Filter,
    string Reference = "",
    string Style = "",
    int MaxResults = 0);
