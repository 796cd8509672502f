using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// The facets of a page, multi-select: each facet counted with every filter but its own. The facets no filter
/// applies to were counted in the pass that ranked the page; each filtered one needs a pass of its own.
/// </summary>
internal static class FacetCounting
{
    public static List<FacetResult> Count(
        IndexSearcher searcher,
        Query? textQuery,
        Dictionary<string, Query> filters,
        List<string> facets,
        (List<string> Facets, FacetCollector? Collector) shared,
        int facetSize,
        int slices,
        CancellationToken cancellationToken)
    {
        if (facets.Count == 0)
        {
            return [];
        }

        // Multi-select: a facet is counted with every filter but its own, so each value shows what
        // choosing it would give. Unfiltered facets were counted in the ranking pass; each filtered
        // one needs a pass of its own.
        var results = new Dictionary<string, FacetResult>(StringComparer.Ordinal);
        if (shared.Collector is not null)
        {
            Collect(shared.Facets, shared.Collector, facetSize, results);
        }

        foreach (var facet in facets.Where(filters.ContainsKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = FilterQueries.Combine(textQuery, filters.Where(f => f.Key != facet).Select(f => f.Value));
            var counted = SlicedSearch.Run(searcher, query, slices, () => new FacetCollector([SearchEngine.FacetFields[facet]]), cancellationToken);
            Collect([facet], FacetCollector.Sum(counted)!, facetSize, results);
        }

        return facets.Select(f => results[f]).ToList();
    }

    private static void Collect(List<string> facets, FacetCollector collector, int facetSize, Dictionary<string, FacetResult> results)
    {
        for (var i = 0; i < facets.Count; i++)
        {
            var values = collector.Counts(i)
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(facetSize)
                .Select(kv => new FacetCount(kv.Key, kv.Value))
                .ToList();
            results[facets[i]] = new FacetResult(facets[i], values);
        }
    }
}
