namespace SearchService.Core.Citations;

/// <summary>A sentence of the document that mentions the cited reference.</summary>
/// <param name="Text">The sentence as stored with the mention.</param>
/// <param name="Start">Where the sentence starts in the document text (UTF-16, inclusive).</param>
/// <param name="End">Where it ends (exclusive).</param>
/// <param name="Key">The canonical key of the (first) mention in the sentence.</param>
public sealed record CitationQuote(string Text, int Start, int End, string Key);
