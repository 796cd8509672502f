using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Documents;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions.Index;
using SearchService.Core.Search;

namespace SearchService.Core.Mentions.Search;

/// <summary>
/// The MentionService queries, answered from the index: keys are a term field (which documents cite
/// a key), per-document mention counts are doc values (how often), and the mentions themselves with
/// offsets and sentences are stored with each document.
/// </summary>
public sealed class MentionSearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> GroupFields = ["ward", "district", "year", "topic", "action"];

    private readonly IndexStore _store;
    private readonly PageToken _tokens;

    public MentionSearch(IndexStore store)
    {
        _store = store;
        _tokens = new PageToken(store.PageTokenKey);
    }

    /// <summary>What a typed reference means here: the cited keys it fits, most cited first.</summary>
    /// <remarks>Every issue of a recurring central number the reference names is listed with its date and title,
    /// cited or not ("Nghị quyết 18": 18-NQ/TW/2017, 18-NQ/TW/2022, and 18-NQ/TW for the mentions that do not say which).</remarks>
    public IReadOnlyList<ReferenceSummary> Resolve(string reference) => _store.Search(searcher =>
    {
        var catalog = new ReferenceCatalog(searcher.IndexReader);
        var (parsed, keys) = catalog.Resolve(reference ?? "", "reference");
        var cited = Count(searcher, ByKeys(keys), keys.ToHashSet(StringComparer.Ordinal));
        var central = CentralDocuments.Default;
        var issues = central.Entries
            .Where(e => central.IsRecurring(e.BaseKey) && parsed.Matches(e.DatedKey) && cited.All(c => c.Key != e.DatedKey))
            .OrderBy(e => e.BaseKey, StringComparer.Ordinal).ThenBy(e => e.IssuedOn)
            .Select(e => Summary(e.DatedKey, 0, 0));
        return cited.Concat(issues).ToList();
    });

    /// <summary>Every mention of the keys a reference resolves to, oldest publication first.</summary>
    /// <remarks>
    /// Hits are ordered and their mentions counted from doc values; only the documents that have a
    /// mention on the requested page are loaded from stored fields.
    /// </remarks>
    /// <param name="actions">Only mentions with one of these actions (<see cref="MentionActions.All"/>); empty or null for all.</param>
    public MentionPage Find(string reference, SearchFilter filter, int? pageSize, string pageToken, CancellationToken cancellationToken = default,
        IReadOnlyCollection<string>? actions = null)
    {
        var size = ValidatePageSize(pageSize);
        var actionSet = ValidateActions(actions);
        var fingerprint = PageToken.Fingerprint("mentions", reference ?? "", FilterQueries.Fingerprint(filter), string.Join(",", actionSet.Order(StringComparer.Ordinal)));
        var offset = string.IsNullOrEmpty(pageToken) ? 0 : _tokens.Decode(pageToken, fingerprint);
        return _store.Search(searcher =>
        {
            var (keys, query) = Resolve(searcher, reference ?? "", filter);
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            var hits = actionSet.Count == 0
                ? new MentionHitCollector(wanted, cancellationToken)
                : new MentionHitCollector(
                    keys.SelectMany(k => actionSet.Select(a => MentionCounts.WithAction(k, a))).ToHashSet(StringComparer.Ordinal),
                    cancellationToken,
                    IndexFields.ReferenceActions);
            searcher.Search(query, hits);
            var total = hits.TotalMentions;
            var page = new List<MentionHit>();
            long end = (long)offset + size;
            long position = 0;
            foreach (var hit in hits.Sorted())
            {
                if (position >= end)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (position + hit.Mentions > offset)
                {
                    var segment = hits.Segments[hit.Segment].Context;
                    var document = DocumentMapper.FromLucene(searcher.Doc(segment.DocBase + hit.Doc));
                    var skip = (int)Math.Max(0, offset - position);
                    var take = (int)Math.Min(hit.Mentions, end - position) - skip;
                    page.AddRange(document.Mentions
                        .Where(m => wanted.Contains(m.Key) && (actionSet.Count == 0 || actionSet.Contains(m.Action)))
                        .OrderBy(m => m.Start)
                        .Skip(skip)
                        .Take(take)
                        .Select(m => new MentionHit(m, document)));
                }

                position += hit.Mentions;
            }

            var next = offset + size < total ? _tokens.Encode(fingerprint, offset + size) : "";
            return new MentionPage(page, total, next);
        });
    }

    /// <summary>Mentions grouped by ward, district, year or topic: which places cited it, when, and where.</summary>
    /// <remarks>Answered from doc values alone: no stored document is loaded.</remarks>
    /// <remarks>Each group also gives its timeline: per action class (study, plan, implement, interim and final
    /// review, inspect, cited) the reports, mentions and first and last dates, and the first rollout and last
    /// review. Grouped by "action", each class is a group.</remarks>
    public MentionSummary Summarize(string reference, SearchFilter filter, string groupBy, CancellationToken cancellationToken = default)
    {
        if (!GroupFields.Contains(groupBy ?? ""))
        {
            throw new InvalidRequestException("group_by", $"must be one of {string.Join(", ", GroupFields)}, not '{groupBy}'");
        }

        if (groupBy == "action")
        {
            return SummarizeByAction(reference, filter, cancellationToken);
        }

        return _store.Search(searcher =>
        {
            var (keys, query) = Resolve(searcher, reference ?? "", filter);
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
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
            var actionTables = hits.Segments.Select(s => ActionsOf(s.Context.AtomicReader, wanted)).ToList();
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
                    Date(g.Value.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Min()),
                    Date(g.Value.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Max()),
                    g.Value
                        .OrderBy(d => d.Published == MentionHitCollector.Undated ? long.MinValue : d.Published)
                        .ThenBy(d => d.Id, StringComparer.Ordinal)
                        .Select(d => d.Id)
                        .ToList(),
                    Timeline(g.Value),
                    Date(MinDated(g.Value.Where(d => d.Actions.Any(a => MentionActions.IsRollout(a.Action))))),
                    Date(MaxDated(g.Value.Where(d => d.Actions.Any(a => MentionActions.IsReview(a.Action)))))))
                .ToList();
            result = groupBy == "year"
                ? result.OrderBy(g => g.Value, StringComparer.Ordinal).ToList()
                : result.OrderByDescending(g => g.DocumentCount).ThenByDescending(g => g.MentionCount).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
            return new MentionSummary(Count(searcher, query, wanted), result);
        });
    }

    /// <summary>The catalogue of cited keys in the (filtered) archive, most cited first.</summary>
    public ReferencePage List(SearchFilter filter, int? pageSize, string pageToken)
    {
        var size = ValidatePageSize(pageSize);
        var fingerprint = PageToken.Fingerprint("references", FilterQueries.Fingerprint(filter));
        var offset = string.IsNullOrEmpty(pageToken) ? 0 : _tokens.Decode(pageToken, fingerprint);
        return _store.Search(searcher =>
        {
            var filters = FilterQueries.Build(filter, new ReferenceCatalog(searcher.IndexReader));
            var all = Count(searcher, FilterQueries.Combine(null, filters.Values), keys: null);
            var next = offset + size < all.Count ? _tokens.Encode(fingerprint, offset + size) : "";
            return new ReferencePage(all.Skip(offset).Take(size).ToList(), all.Count, next);
        });
    }

    private static (IReadOnlyList<string> Keys, Query Query) Resolve(IndexSearcher searcher, string reference, SearchFilter filter)
    {
        var catalog = new ReferenceCatalog(searcher.IndexReader);
        var (_, keys) = catalog.Resolve(reference, "reference");
        var filters = FilterQueries.Build(filter, catalog);
        return (keys, FilterQueries.Combine(ByKeys(keys), filters.Values));
    }

    private static Query ByKeys(IReadOnlyList<string> keys)
    {
        var any = new BooleanQuery();
        foreach (var key in keys)
        {
            any.Add(new TermQuery(new Term(IndexFields.Reference, key)), Occur.SHOULD);
        }

        return any.Clauses.Count > 0 ? any : new TermQuery(new Term(IndexFields.Reference, "\u0000none"));
    }

    /// <summary>Document and mention counts per key over the documents of a query, from doc values.</summary>
    private static List<ReferenceSummary> Count(IndexSearcher searcher, Query query, IReadOnlySet<string>? keys)
    {
        var collector = new FacetCollector([IndexFields.ReferenceCounts]);
        searcher.Search(query, collector);
        var documents = new Dictionary<string, long>(StringComparer.Ordinal);
        var mentions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (entry, docCount) in collector.Counts(0))
        {
            var (key, perDocument) = MentionCounts.Decode(entry);
            if (keys is not null && !keys.Contains(key))
            {
                continue;
            }

            documents[key] = documents.GetValueOrDefault(key) + docCount;
            mentions[key] = mentions.GetValueOrDefault(key) + (docCount * perDocument);
        }

        return documents.Keys
            .Select(k => Summary(k, documents[k], mentions[k]))
            .OrderByDescending(r => r.MentionCount)
            .ThenByDescending(r => r.DocumentCount)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Published millis as the stored document shows them (Hanoi time), null when undated.</summary>
    private static DateTimeOffset? Date(long published) => published == MentionHitCollector.Undated
        ? null
        : DateTimeOffset.FromUnixTimeMilliseconds(published).ToOffset(HanoiTime.Offset);

    private static int ValidatePageSize(int? pageSize) => PageSizes.Validate(pageSize, DefaultPageSize, MaxPageSize);

    private MentionSummary SummarizeByAction(string reference, SearchFilter filter, CancellationToken cancellationToken) => _store.Search(searcher =>
    {
        var (keys, query) = Resolve(searcher, reference ?? "", filter);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var hits = new MentionHitCollector(wanted, cancellationToken);
        searcher.Search(query, hits);
        var actionTables = hits.Segments.Select(s => ActionsOf(s.Context.AtomicReader, wanted)).ToList();
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
                inGroup.OrderBy(d => d.Published == MentionHitCollector.Undated ? long.MinValue : d.Published).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id).ToList()));
        }

        return new MentionSummary(Count(searcher, query, wanted), groups);
    });

    /// <summary>Per action class: reports, mentions, first and last dates of a group's documents.</summary>
    private static List<ActionSummary> Timeline(List<GroupMember> members)
    {
        var timeline = new List<ActionSummary>();
        foreach (var action in MentionActions.All)
        {
            var with = members.Where(d => d.Actions.Any(a => a.Action == action)).ToList();
            if (with.Count > 0)
            {
                timeline.Add(new ActionSummary(action, with.Count, with.Sum(d => (long)d.Actions.Where(a => a.Action == action).Sum(a => a.Count)),
                    Date(MinDated(with)), Date(MaxDated(with))));
            }
        }

        return timeline;
    }

    private static long MinDated(IEnumerable<GroupMember> members)
        => members.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Min();

    private static long MaxDated(IEnumerable<GroupMember> members)
        => members.Where(d => d.Published != MentionHitCollector.Undated).Select(d => d.Published).DefaultIfEmpty(MentionHitCollector.Undated).Max();

    /// <summary>The actions of the wanted keys' mentions per document of one segment, from reference_actions doc values.</summary>
    private static SegmentActions ActionsOf(AtomicReader reader, IReadOnlySet<string> wanted)
    {
        var table = OrdinalTable.For(reader, IndexFields.ReferenceActions);
        if (table is null)
        {
            return new SegmentActions(null, []);
        }

        var decoded = new (string Action, int Count)?[table.Values.Length];
        for (var ord = 0; ord < table.Values.Length; ord++)
        {
            var (name, count) = MentionCounts.Decode(table.Values[ord]);
            var (key, action) = MentionCounts.SplitAction(name);
            if (wanted.Contains(key))
            {
                decoded[ord] = (action, count);
            }
        }

        return new SegmentActions(table, decoded);
    }

    private static HashSet<string> ValidateActions(IReadOnlyCollection<string>? actions)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions ?? [])
        {
            if (!MentionActions.All.Contains(action))
            {
                throw new InvalidRequestException("actions", $"'{action}' is not an action; use {string.Join(", ", MentionActions.All)}");
            }

            set.Add(action);
        }

        return set;
    }

    private static ReferenceSummary Summary(string key, long documents, long mentions)
    {
        var central = CentralDocuments.Default;
        return new ReferenceSummary(key, MentionKeys.KindOf(key), MentionKeys.Label(key), documents, mentions,
            central.Find(key), central.IsRecurring(key) ? central.IssuesOf(key) : null);
    }

    /// <summary>The reference_actions of one segment, decoded for the wanted keys (null where another key's).</summary>
    private sealed record SegmentActions(OrdinalTable? Table, (string Action, int Count)?[] Decoded)
    {
        public IReadOnlyList<(string Action, int Count)> Of(int doc)
        {
            if (Table is null)
            {
                return [];
            }

            var merged = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = Table.Starts[doc], end = Table.Starts[doc + 1]; i < end; i++)
            {
                if (Decoded[Table.Ordinals[i]] is { } entry)
                {
                    merged[entry.Action] = merged.GetValueOrDefault(entry.Action) + entry.Count;
                }
            }

            return merged.Select(kv => (kv.Key, kv.Value)).ToList();
        }
    }

    /// <summary>A document in a group: its id, published millis, mentions of the wanted keys and their actions.</summary>
    private readonly record struct GroupMember(string Id, long Published, int Mentions, IReadOnlyList<(string Action, int Count)> Actions);
}
