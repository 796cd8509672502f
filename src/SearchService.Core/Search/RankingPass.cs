using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>The pass that ranks the page and counts the facets no filter applies to.</summary>
internal sealed class RankingPass(TopFieldCollector ranking, FacetCollector? facets) : ICollector
{
    public TopFieldCollector Ranking => ranking;

    public FacetCollector? Facets => facets;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => ranking.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ranking.SetNextReader(context);
        facets?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        ranking.Collect(doc);
        facets?.Collect(doc);
    }
}
