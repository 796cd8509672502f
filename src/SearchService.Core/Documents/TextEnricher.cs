using SearchService.Core.Mentions;

namespace SearchService.Core.Documents;

/// <summary>
/// The enricher of the service: mentions of Party and State documents read from the body text
/// (offsets point into it), and what the source itself states.
/// </summary>
public sealed class TextEnricher(MentionExtractor mentions) : IDocumentEnricher
{
    /// <summary>The enricher with the service's default components.</summary>
    public static TextEnricher CreateDefault() => new(new MentionExtractor());

    public IndexedDocument Enrich(SourceDocument source, string contentHash)
    {
        int[] years = source.PublishedAt is { } at ? [HanoiTime.YearOf(at)] : [];
        return new IndexedDocument(source, contentHash, source.Ward, source.District, years, [], mentions.Extract(source.Text));
    }
}
