namespace SearchService.Core.Documents;

/// <summary>Takes only what the source itself states; the period is the publication year.</summary>
public sealed class SourceOnlyEnricher : IDocumentEnricher
{
    public IndexedDocument Enrich(SourceDocument source, string contentHash)
    {
        int[] years = source.PublishedAt is { } at ? [HanoiTime.YearOf(at)] : [];
        return new IndexedDocument(source, contentHash, source.Ward, source.District, years, [], []);
    }
}
