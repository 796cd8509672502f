using Lucene.Net.Search;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Core.Mentions.Search;

/// <summary>
/// The groups of SummarizeMentions: the documents citing the wanted keys grouped by ward, district, year,
/// topic or action, each with its counts, dates and timeline. Answered from doc values alone: no stored
/// document is loaded.
/// </summary>
internal static class MentionSummarizer
{
    /// <summary>Groups by a facet ("ward", "district", "year", "topic"); "" collects the documents without one.</summary>
    public static List<MentionGroup> ByFacet(IndexSearcher searcher, Query query, IReadOnlySet<string> wanted, string groupBy, CancellationToken cancellationToken)
    {
        var hits = new MentionHitCollector(wanted, cancellationToken);
        searcher.Search(query, hits);
        var facetField = groupBy switch
        {
            "ward" => IndexFields.WardFacet,
            "district" => IndexFields.DistrictFacet,
            "year" => IndexFields.YearFacet,
            _ => IndexFields.TopicFacet,
        };
        var tables = hits.Segments.Select(s => OrdinalTable.For(s.Context.AtomicReader, facetField)).ToList();
        var actionTables = hits.Segments.Select(s => SegmentActions.Of(s.Context.AtomicReader, wanted)).ToList();
        var groups = new Dictionary<string, List<GroupMember>>(StringComparer.Ordinal);
        void Add(string value, GroupMember member)
        {
            if (!groups.TryGetValue(value, out var list))
            {
                groups[value] = list = [];
            }

            list.Add(member);
        }

        foreach (var hit in hits.Sorted())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = new GroupMember(hits.IdOf(hit), hit.Published, hit.Mentions, actionTables[hit.Segment].Of(hit.Doc));
            var table = tables[hit.Segment];
            int from = table?.Starts[hit.Doc] ?? 0, to = table?.Starts[hit.Doc + 1] ?? 0;
            if (from == to)
            {
                Add("", member);
            }

            // A ward, district or year has one value; a document may have several topics.
            for (var i = from; i < to; i++)
            {
                Add(table!.Values[table.Ordinals[i]], member);
            }
        }

        var result = groups.Select(g => new MentionGroup(
                g.Key,
                g.Value.Count,
                g.Value.Sum(d => (long)d.Mentions),
                Date(MinDated(g.Value)),
                Date(MaxDated(g.Value)),
                OrderedIds(g.Value),
                Timeline(g.Value),
                Date(MinDated(g.Value.Where(d => d.Actions.Any(a => MentionActions.IsRollout(a.Action))))),
                Date(MaxDated(g.Value.Where(d => d.Actions.Any(a => MentionActions.IsReview(a.Action)))))))
            .ToList();
        return groupBy == "year"
            ? result.OrderBy(g => g.Value, StringComparer.Ordinal).ToList()
            : result.OrderByDescending(g => g.DocumentCount).ThenByDescending(g => g.MentionCount).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>One group per action class with mentions, in the order of <see cref="MentionActions.All"/>.</summary>
    public static List<MentionGroup> ByAction(IndexSearcher searcher, Query query, IReadOnlySet<string> wanted, CancellationToken cancellationToken)
    {
        var hits = new MentionHitCollector(wanted, cancellationToken);
        searcher.Search(query, hits);
        var actionTables = hits.Segments.Select(s => SegmentActions.Of(s.Context.AtomicReader, wanted)).ToList();
        var members = hits.Sorted()
            .Select(hit => new GroupMember(hits.IdOf(hit), hit.Published, hit.Mentions, actionTables[hit.Segment].Of(hit.Doc)))
            .ToList();
        var groups = new List<MentionGroup>();
        foreach (var action in MentionActions.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inGroup = members.Where(d => d.Actions.Any(a => a.Action == action))
                .Select(d => d with { Mentions = d.Actions.Where(a => a.Action == action).Sum(a => a.Count) })
                .ToList();
            if (inGroup.Count == 0)
            {
                continue;
            }

            groups.Add(new MentionGroup(action, inGroup.Count, inGroup.Sum(d => (long)d.Mentions), Date(MinDated(inGroup)), Date(MaxDated(inGroup)),
                OrderedIds(inGroup)));
        }

        return groups;
    }

    /// <summary>Per action class: reports, mentions, first and last dates of a group's documents.</summary>
    private static List<ActionTimeline> Timeline(List<GroupMember> members)
    {
        var timeline = new List<ActionTimeline>();
        foreach (var action in MentionActions.All)
        {
            var with = members.Where(d => d.Actions.Any(a => a.Action == action)).ToList();
            if (with.Count > 0)
            {
                timeline.Add(new ActionTimeline(action, with.Count, with.Sum(d => (long)d.Actions.Where(a => a.Action == action).Sum(a => a.Count)),
                    Date(MinDated(with)), Date(MaxDated(with))));
            }
        }

        return timeline;
    }

    /// <summary>The ids of a group's documents, oldest first (undated first), then by id.</summary>
    private static List<string> OrderedIds(IEnumerable<GroupMember> members) => members
        .OrderBy(d => d.Published == MentionHitCollector.Undated ? long.MinValue : d.Published)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .Select(d => d.Id)
        .ToList();

    private static long MinDated(IEnumerable<GroupMember> members)
        => members.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Min();

    private static long MaxDated(IEnumerable<GroupMember> members)
        => members.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Max();

    /// <summary>Published millis as the stored document shows them (Hanoi time), null when undated.</summary>
    private static DateTimeOffset? Date(long published) => published == MentionHitCollector.Undated
        ? null
        : DateTimeOffset.FromUnixTimeMilliseconds(published).ToOffset(HanoiTime.Offset);

    /// <summary>A document in a group: its id, published millis, mentions of the wanted keys and their actions.</summary>
    private readonly record struct GroupMember(string Id, long Published, int Mentions, IReadOnlyList<(string Action, int Count)> Actions);
}
