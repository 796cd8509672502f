using Lucene.Net.Search;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>The checks of a search request's page, order and facets, and the sort an order means.</summary>
internal static class SearchRequestChecks
{
    private static readonly string[] Orders = ["relevance", "date_desc", "date_asc"];

    /// <summary>The request's page size, order, facets and facet size, checked and with their defaults.</summary>
    /// <exception cref="InvalidRequestException">One of them is out of range or unknown.</exception>
    public static (int PageSize, string Order, List<string> Facets, int FacetSize) Check(SearchQuery request)
    {
        var pageSize = PageSizes.Validate(request.PageSize, SearchEngine.DefaultPageSize, SearchEngine.MaxPageSize);
        var order = string.IsNullOrEmpty(request.OrderBy) ? "relevance" : request.OrderBy;
        if (!Orders.Contains(order))
        {
            throw new InvalidRequestException("order_by", $"must be one of {string.Join(", ", Orders)}, not '{Clip(order)}'");
        }

        var facets = Facets(request.Facets);
        var facetSize = request.FacetSize switch
        {
            0 => SearchEngine.DefaultFacetSize,
            > 0 and <= SearchEngine.MaxFacetSize => request.FacetSize,
            _ => throw new InvalidRequestException("facet_size", $"must be between 1 and {SearchEngine.MaxFacetSize} (0 means {SearchEngine.DefaultFacetSize}), not {request.FacetSize}"),
        };
        return (pageSize, order, facets, facetSize);
    }

    public static Sort SortFor(string order)
    {
        var byId = new SortField(IndexFields.IdSort, SortFieldType.STRING);
        switch (order)
        {
            case "date_desc":
            case "date_asc":
                // Documents without a date come last in both orders.
                var descending = order == "date_desc";
                var byDate = new SortField(IndexFields.Published, SortFieldType.INT64, descending);
                byDate.SetMissingValue(descending ? long.MinValue : long.MaxValue);
                return new Sort(byDate, byId);
            default:
                return new Sort(SortField.FIELD_SCORE, byId);
        }
    }

    private static List<string> Facets(IReadOnlyList<string> facets)
    {
        foreach (var facet in facets)
        {
            if (!SearchEngine.FacetFields.ContainsKey(facet))
            {
                throw new InvalidRequestException("facets", $"unknown facet '{Clip(facet)}'; known: {string.Join(", ", SearchEngine.FacetFields.Keys)}");
            }
        }

        return facets.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
