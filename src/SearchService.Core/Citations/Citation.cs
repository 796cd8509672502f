namespace SearchService.Core.Citations;

/// <summary>One cited document: its id, its entry formatted in the requested style, and its quotes.</summary>
public sealed record Citation(string DocumentId, string Text, IReadOnlyList<CitationQuote> Quotes);
