namespace SearchService.Core.Documents;

/// <summary>Reads from a report's text what the portal does not give: place, period, topics, mentions.</summary>
public interface IDocumentEnricher
{
    IndexedDocument Enrich(SourceDocument source, string contentHash);
}
