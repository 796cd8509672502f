using SearchService.Core.Mentions;
using SearchService.Core.Metadata;

namespace SearchService.Core.Documents;

/// <summary>A report with everything the index holds about it: the source and what was read from its text.</summary>
/// <param name="PeriodYears">Years the report is about; the publication year when nothing else is known.</param>
public sealed record IndexedDocument(
    SourceDocument Source,
    string ContentHash,
    string Ward,
    string District,
    IReadOnlyList<int> PeriodYears,
    IReadOnlyList<TopicAssignment> Topics,
    IReadOnlyList<Mention> Mentions)
{
    public string Id => Source.Id;

    /// <summary>Publication year in Hanoi, or null without a date.</summary>
    public int? Year => Source.PublishedAt is { } at ? HanoiTime.YearOf(at) : null;
}
