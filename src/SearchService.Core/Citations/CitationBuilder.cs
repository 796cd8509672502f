using SearchService.Core.Documents;

namespace SearchService.Core.Citations;

/// <summary>
/// Formats a list of documents as citations in one style, quoting the sentences that mention given
/// keys. Independent of the index and of gRPC: it needs the stored documents only.
/// </summary>
public sealed class CitationBuilder
{
    private readonly TimeProvider _clock;

    /// <param name="clock">Gives the access date written in each reference (the day in Hanoi).</param>
    public CitationBuilder(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The citations of <paramref name="documents"/> in their order, a document given twice cited once
    /// (where it first appears).
    /// </summary>
    /// <param name="quoteKeys">Canonical mention keys; each citation quotes the sentences of the document
    /// that mention one of them. Null or empty quotes nothing.</param>
    public CitationList Build(IReadOnlyList<StoredDocument> documents, CitationStyle style, IReadOnlyCollection<string>? quoteKeys = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var distinct = documents.DistinctBy(d => d.Id, StringComparer.Ordinal).ToList();
        var keys = new HashSet<string>(quoteKeys ?? [], StringComparer.Ordinal);
        var citationKeys = CitationKeys.Assign(distinct);
        var accessed = DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(HanoiTime.Offset).DateTime);
        var items = distinct
            .Select((document, i) => new CitedDocument(document, CitationQuotes.For(document, keys), citationKeys[i], accessed))
            .ToList();
        var formatter = FormatterFor(style);
        var citations = items.Select(item => new Citation(item.Document.Id, formatter.Format(item), item.Quotes)).ToList();
        return new CitationList(citations, formatter.FormatList(items));
    }

    private static ICitationFormatter FormatterFor(CitationStyle style) => style switch
    {
        CitationStyle.Markdown => new MarkdownCitationFormatter(),
        CitationStyle.CslJson => new CslJsonCitationFormatter(),
        CitationStyle.Bibtex => new BibtexCitationFormatter(),
        _ => new TextCitationFormatter(),
    };
}
