namespace SearchService.Core.Search;

/// <summary>A search as the API asks for it; validated by SearchEngine.</summary>
/// <param name="Text">User syntax: words, "quoted phrases", -exclusions. Empty matches every document.</param>
/// <param name="PageSize">1..100; null means the default, 10.</param>
/// <param name="OrderBy">"relevance" (default when empty), "date_desc" or "date_asc".</param>
/// <param name="FacetSize">Most values per facet; 0 means 10.</param>
public sealed record SearchQuery(
    string Text,
    SearchFilter Filter,
    IReadOnlyList<string> Facets,
    int? PageSize = null,
    string PageToken = "",
    string OrderBy = "",
    int FacetSize = 0)
{
    public static SearchQuery For(string text) => new(text, SearchFilter.None, []);

    /// <summary>
    /// Results with their whole stored documents (mentions and topic evidence too), read from the same
    /// searcher as the ranking; by default a result holds only what it shows.
    /// </summary>
    internal bool WholeDocuments { get; init; }
}

/// <summary>Filters: values within a field are OR-ed, fields are AND-ed.</summary>
/// <param name="Years">Publication years.</param>
/// <param name="YearFrom">Inclusive lower bound of the publication year; null for open.</param>
/// <param name="YearTo">Inclusive upper bound of the publication year; null for open.</param>
public sealed record SearchFilter(
    IReadOnlyList<string> Wards,
    IReadOnlyList<string> Districts,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> References,
    int? YearFrom = null,
    int? YearTo = null)
{
    public static SearchFilter None { get; } = new([], [], [], [], []);
}
