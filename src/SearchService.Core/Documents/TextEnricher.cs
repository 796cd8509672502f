using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;
using SearchService.Core.Metadata;

namespace SearchService.Core.Documents;

/// <summary>
/// The enricher of the service: ward, district, period years and topics read from the title and text
/// (a place the source itself states wins, spelled as the gazetteer spells it), and the mentions of
/// Party and State documents in the body text, with offsets into it.
/// </summary>
public sealed class TextEnricher(MentionExtractor mentions, DocumentMetadataExtractor metadata, Gazetteer gazetteer) : IDocumentEnricher
{
    /// <summary>The enricher with the service's default components.</summary>
    public static TextEnricher CreateDefault() => new(new MentionExtractor(), DocumentMetadataExtractor.Default, Gazetteer.Default);

    public IndexedDocument Enrich(SourceDocument source, string contentHash)
    {
        var read = metadata.Extract(source.Title, source.Text, source.PublishedAt);
        var district = source.District.Length > 0 ? gazetteer.CanonicalDistrict(source.District) ?? source.District : "";
        var ward = source.Ward.Length > 0 ? gazetteer.CanonicalWard(source.Ward, district.Length > 0 ? district : null) ?? source.Ward : "";
        if (ward.Length > 0 && district.Length == 0 && gazetteer.DistrictsOfWard(ward) is [var only])
        {
            district = only;
        }

        if (ward.Length == 0 && district.Length == 0)
        {
            (ward, district) = (read.Ward, read.District);
        }

        IReadOnlyList<int> years = read.PeriodYears.Count > 0 || source.PublishedAt is null
            ? read.PeriodYears
            : [HanoiTime.YearOf(source.PublishedAt.Value)];
        DateOnly? published = source.PublishedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(HanoiTime.Offset).DateTime) : null;
        return new IndexedDocument(source, contentHash, ward, district, years, read.Topics, mentions.Extract(source.Text, published));
    }
}
