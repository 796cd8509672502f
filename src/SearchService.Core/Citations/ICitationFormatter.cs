namespace SearchService.Core.Citations;

/// <summary>Writes citations in one style.</summary>
internal interface ICitationFormatter
{
    /// <summary>The entry of one document, as the citation's own text.</summary>
    string Format(CitedDocument item);

    /// <summary>The whole list as one string.</summary>
    string FormatList(IReadOnlyList<CitedDocument> items);
}
