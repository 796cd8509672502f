using SearchService.Core.Documents;

namespace SearchService.Core.Mentions.Search;

// The answers of the mention queries. A record that a message of mentions.proto carries has that message's
// name (ReferenceKey, MentionHit, MentionGroup, ActionTimeline); the mapping is Server/Mapping/ApiMapper.Mentions.

/// <summary>A key a reference resolved to, with how often the archive (or its filtered part) cites it.</summary>
/// <param name="Document">The catalogue entry the key names (a dated key, or a number with one issue), else null.</param>
/// <param name="Candidates">For the key without year of a number that recurs across terms: its issues, oldest
/// first (the mentions under this key are those the reports leave ambiguous); else empty.</param>
public sealed record ReferenceKey(string Key, string Kind, string Label, long DocumentCount, long MentionCount,
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
    IReadOnlyList<ActionTimeline>? Actions = null,
    DateTimeOffset? FirstRollout = null,
    DateTimeOffset? LastReview = null);

/// <summary>The mentions of one action class in a group.</summary>
public sealed record ActionTimeline(string Action, long DocumentCount, long MentionCount, DateTimeOffset? FirstPublished, DateTimeOffset? LastPublished);

public sealed record MentionSummary(IReadOnlyList<ReferenceKey> Keys, IReadOnlyList<MentionGroup> Groups);

public sealed record ReferencePage(IReadOnlyList<ReferenceKey> References, long TotalSize, string NextPageToken);
