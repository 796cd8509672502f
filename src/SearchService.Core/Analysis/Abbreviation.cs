namespace SearchService.Core.Analysis;

/// <summary>
/// A domain abbreviation and its expansion ("UBND", "Ủy ban nhân dân"), matched both ways when a query is built.
/// </summary>
/// <param name="Short">The abbreviation as written ("UBND").</param>
/// <param name="Long">What it stands for ("Ủy ban nhân dân").</param>
/// <param name="UpperOnly">
/// The abbreviation is also an ordinary syllable ("TU"/"tu", "TƯ"/"tư"): it is expanded only when typed in
/// capitals, and the expansion is never turned into it.
/// </param>
public sealed record Abbreviation(string Short, string Long, bool UpperOnly);
