using SearchService.Core.Documents;
using SearchService.Core.Errors;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;

namespace SearchService.Core.Citations;

/// <summary>
/// BuildCitations: picks the documents (named ids, or a query's top results), resolves the reference
/// to quote with the same rules as the MentionService, and formats them with <see cref="CitationBuilder"/>.
/// </summary>
public sealed class CitationComposer
{
    public const int DefaultMaxResults = 20;
    public const int MaxResults = 100;

    /// <summary>How many ids one request may name.</summary>
    public const int MaxDocumentIds = 1000;

    private readonly SearchEngine _engine;
    private readonly MentionSearch _mentions;
    private readonly CitationBuilder _builder;

    public CitationComposer(SearchEngine engine, MentionSearch mentions, TimeProvider? clock = null)
    {
        _engine = engine;
        _mentions = mentions;
        _builder = new CitationBuilder(clock);
    }

    /// <exception cref="InvalidRequestException">An unknown style, no ids and no query or filter, both ids and a
    /// query, a malformed id, max_results out of range, an unreadable reference or query.</exception>
    /// <exception cref="DocumentNotFoundException">A named id is not in the index.</exception>
    public CitationList Compose(CitationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var style = CitationStyles.Parse(request.Style);
        var ids = request.DocumentIds ?? [];
        var query = request.Query ?? "";
        var filter = request.Filter ?? SearchFilter.None;
        var byQuery = query.Trim().Length > 0 || HasValues(filter);
        if (ids.Count == 0 && !byQuery)
        {
            throw new InvalidRequestException("document_ids", "is empty and no query or filter is given; name the documents to cite or give a query");
        }

        if (ids.Count > 0 && byQuery)
        {
            throw new InvalidRequestException("query", "cannot be combined with document_ids; give either the documents to cite or a query");
        }

        var max = request.MaxResults switch
        {
            0 => DefaultMaxResults,
            > 0 and <= MaxResults => request.MaxResults,
            _ => throw new InvalidRequestException("max_results", $"must be between 1 and {MaxResults} (0 means {DefaultMaxResults}), not {request.MaxResults}"),
        };

        // The reference is read before any document is fetched, so an unreadable one fails fast.
        var keys = string.IsNullOrWhiteSpace(request.Reference)
            ? []
            : _mentions.Resolve(request.Reference).Select(r => r.Key).ToList();
        var documents = ids.Count > 0 ? ByIds(ids, cancellationToken) : ByQuery(query, filter, max, cancellationToken);
        return _builder.Build(documents, style, keys);
    }

    private List<StoredDocument> ByIds(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > MaxDocumentIds)
        {
            throw new InvalidRequestException("document_ids", $"names {ids.Count} documents; at most {MaxDocumentIds} are accepted");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (DocumentIds.Check(ids[i] ?? "") is { } reason)
            {
                throw new InvalidRequestException($"document_ids[{i}]", reason.Replace("'id' ", "", StringComparison.Ordinal));
            }
        }

        var documents = new List<StoredDocument>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.Add(_engine.GetDocument(id));
        }

        return documents;
    }

    private List<StoredDocument> ByQuery(string query, SearchFilter filter, int max, CancellationToken cancellationToken)
    {
        // The quotes need the mentions, which a result leaves out unless asked for the whole documents.
        var page = _engine.Search(new SearchQuery(query, filter, [], PageSize: max) { WholeDocuments = true }, cancellationToken);
        return page.Hits.Select(h => h.Document).ToList();
    }

    private static bool HasValues(SearchFilter filter) =>
        filter.Wards.Count > 0 || filter.Districts.Count > 0 || filter.Years.Count > 0 || filter.Topics.Count > 0
        || filter.References.Count > 0 || filter.YearFrom is not null || filter.YearTo is not null;
}
