using SearchService.Core.Documents;

namespace SearchService.Core.Mentions.Search;

/// <summary>A key a reference resolved to, with how often the archive (or its filtered part) cites it.</summary>
/// <param name="Document">The catalogue entry the key names (a dated key, or a number with one issue), else null.</param>
/// <param name="Candidates">For the key without year of a number that recurs across terms: its issues, oldest
/// first (the mentions under this key are those the reports leave ambiguous); else empty.</param>
public sealed record ReferenceSummary(string Key, string Kind, string Label, long DocumentCount, long MentionCount,
    CentralDocument? Document = null, IReadOnlyList<CentralDocument>? Candidates = null);

/// <summary>One mention with the document it is in.</summary>
public sealed record MentionHit(Mention Mention, StoredDocument Document);

public sealed record MentionPage(IReadOnlyList<MentionHit> Mentions, long TotalSize, string NextPageToken);

/// <summary>Mentions of one ward, district, year or topic. Value "" collects documents without one.</summary>
/// <param name="Actions">Per action class of the group's mentions: reports, mentions and first and last
/// publication (the group's timeline), in the order of <see cref="MentionActions.All"/>.</param>
/// <param name="FirstRollout">The first publication date of a report that rolls the document out (action plan).</param>
/// <param name="LastReview">The last publication date of a report that reviews it (interim or final review).</param>
public sealed record MentionGroup(
    string Value,
    long DocumentCount,
    long MentionCount,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastPublished,
    IReadOnlyList<string> DocumentIds,
    IReadOnlyList<ActionSummary>? Actions = null,
    DateTimeOffset? FirstRollout = null,
    DateTimeOffset? LastReview = null);

/// <summary>The mentions of one action class in a group.</summary>
public sealed record ActionSummary(string Action, long DocumentCount, long MentionCount, DateTimeOffset? FirstPublished, DateTimeOffset? LastPublished);

public sealed record MentionSummary(IReadOnlyList<ReferenceSummary> Keys, IReadOnlyList<MentionGroup> Groups);

public sealed record ReferencePage(IReadOnlyList<ReferenceSummary> References, long TotalSize, string NextPageToken);
