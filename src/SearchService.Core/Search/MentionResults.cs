using SearchService.Core.Documents;
using SearchService.Core.Mentions;

namespace SearchService.Core.Search;

/// <summary>A key a reference resolved to, with how often the archive (or its filtered part) cites it.</summary>
public sealed record ReferenceSummary(string Key, string Kind, string Label, long DocumentCount, long MentionCount);

/// <summary>One mention with the document it is in.</summary>
public sealed record MentionHit(Mention Mention, StoredDocument Document);

public sealed record MentionPage(IReadOnlyList<MentionHit> Mentions, long TotalSize, string NextPageToken);

/// <summary>Mentions of one ward, district, year or topic. Value "" collects documents without one.</summary>
public sealed record MentionGroup(
    string Value,
    long DocumentCount,
    long MentionCount,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastPublished,
    IReadOnlyList<string> DocumentIds);

public sealed record MentionSummary(IReadOnlyList<ReferenceSummary> Keys, IReadOnlyList<MentionGroup> Groups);

public sealed record ReferencePage(IReadOnlyList<ReferenceSummary> References, long TotalSize, string NextPageToken);
