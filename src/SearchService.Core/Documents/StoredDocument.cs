using SearchService.Core.Mentions;
using SearchService.Core.Metadata;

namespace SearchService.Core.Documents;

/// <summary>A document as the index returns it: the fields GetDocument and the result lists show.</summary>
public sealed record StoredDocument(
    string Id,
    string Title,
    string Text,
    string Category,
    string Url,
    string SourcePath,
    string ContentHash,
    DateTimeOffset? PublishedAt,
    long? ViewCount,
    string Ward,
    string District,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> PeriodYears,
    IReadOnlyList<TopicAssignment> TopicEvidence,
    IReadOnlyList<Mention> Mentions)
{
    public int? Year => PublishedAt is { } at ? HanoiTime.YearOf(at) : null;
}
