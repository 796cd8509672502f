namespace SearchService.Core.Citations;

/// <summary>The formats a citation list can be written in.</summary>
public enum CitationStyle
{
    /// <summary>A Vietnamese-style reference per document: title, portal, publication date, URL or source.</summary>
    Text,

    /// <summary>A numbered Markdown list, quotes as blockquotes.</summary>
    Markdown,

    /// <summary>CSL-JSON, as Zotero and Pandoc import it.</summary>
    CslJson,

    /// <summary>BibTeX/biblatex entries (@online with a URL, else @misc).</summary>
    Bibtex,
}
