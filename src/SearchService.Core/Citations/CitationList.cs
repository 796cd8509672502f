namespace SearchService.Core.Citations;

/// <summary>The citations in order and the whole list as one string in the requested style.</summary>
public sealed record CitationList(IReadOnlyList<Citation> Citations, string Formatted);
