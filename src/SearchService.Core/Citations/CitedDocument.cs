using SearchService.Core.Documents;

namespace SearchService.Core.Citations;

/// <summary>A document as the formatters see it: its quotes, its citation key and the access date.</summary>
internal sealed record CitedDocument(StoredDocument Document, IReadOnlyList<CitationQuote> Quotes, string Key, DateOnly Accessed)
{
    /// <summary>"Cổng thông tin phường Cự Khối, quận Long Biên" with the ward, else the district's portal; "" when neither is known.</summary>
    public string Portal => CitationFields.Portal(Document.Ward, Document.District);

    /// <summary>The publication day in Hanoi time, when known.</summary>
    public DateOnly? Published => Document.PublishedAt is { } at
        ? DateOnly.FromDateTime(at.ToOffset(HanoiTime.Offset).DateTime)
        : null;

    /// <summary>Where a reader finds it: the URL, else the source file in the archive, else the id.</summary>
    public string Locator => Document.Url.Length > 0 ? Document.Url
        : Document.SourcePath.Length > 0 ? Document.SourcePath
        : Document.Id;
}
