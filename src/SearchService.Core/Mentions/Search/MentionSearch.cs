using Lucene.Net.Index;
using Lucene.Net.Search;
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
    public IReadOnlyList<ReferenceKey> Resolve(string reference) => _store.Search(searcher =>
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

        return _store.Search(searcher =>
        {
            var (keys, query) = Resolve(searcher, reference ?? "", filter);
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            var groups = groupBy == "action"
                ? MentionSummarizer.ByAction(searcher, query, wanted, cancellationToken)
                : MentionSummarizer.ByFacet(searcher, query, wanted, groupBy!, cancellationToken);
            return new MentionSummary(Count(searcher, query, wanted), groups);
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
    private static List<ReferenceKey> Count(IndexSearcher searcher, Query query, IReadOnlySet<string>? keys)
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

    private static int ValidatePageSize(int? pageSize) => PageSizes.Validate(pageSize, DefaultPageSize, MaxPageSize);

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

    private static ReferenceKey Summary(string key, long documents, long mentions)
    {
        var central = CentralDocuments.Default;
        return new ReferenceKey(key, MentionKeys.KindOf(key), MentionKeys.Label(key), documents, mentions,
            central.Find(key), central.IsRecurring(key) ? central.IssuesOf(key) : null);
    }
}
