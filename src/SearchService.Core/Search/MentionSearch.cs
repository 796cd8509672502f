using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Documents;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions;

namespace SearchService.Core.Search;

/// <summary>
/// The MentionService queries, answered from the index: keys are a term field (which documents cite
/// a key), per-document mention counts are doc values (how often), and the mentions themselves with
/// offsets and sentences are stored with each document.
/// </summary>
public sealed class MentionSearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> GroupFields = ["ward", "district", "year", "topic"];

    private readonly IndexStore _store;
    private readonly PageToken _tokens;

    public MentionSearch(IndexStore store)
    {
        _store = store;
        _tokens = new PageToken(store.PageTokenKey);
    }

    /// <summary>What a typed reference means here: the cited keys it fits, most cited first.</summary>
    public IReadOnlyList<ReferenceSummary> Resolve(string reference) => _store.Search(searcher =>
    {
        var catalog = new ReferenceCatalog(searcher.IndexReader);
        var (_, keys) = catalog.Resolve(reference ?? "", "reference");
        return Count(searcher, ByKeys(keys), keys.ToHashSet(StringComparer.Ordinal));
    });

    /// <summary>Every mention of the keys a reference resolves to, oldest publication first.</summary>
    /// <remarks>
    /// Hits are ordered and their mentions counted from doc values; only the documents that have a
    /// mention on the requested page are loaded from stored fields.
    /// </remarks>
    public MentionPage Find(string reference, SearchFilter filter, int? pageSize, string pageToken, CancellationToken cancellationToken = default)
    {
        var size = ValidatePageSize(pageSize);
        var fingerprint = PageToken.Fingerprint("mentions", reference ?? "", FilterQueries.Fingerprint(filter));
        var offset = string.IsNullOrEmpty(pageToken) ? 0 : _tokens.Decode(pageToken, fingerprint);
        return _store.Search(searcher =>
        {
            var (keys, query) = Resolve(searcher, reference ?? "", filter);
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            var hits = new MentionHitCollector(wanted, cancellationToken);
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
                        .Where(m => wanted.Contains(m.Key))
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
                var member = new GroupMember(hits.IdOf(hit), hit.Published, hit.Mentions);
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
                        .ToList()))
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
            var (key, perDocument) = ReferenceCount.Decode(entry);
            if (keys is not null && !keys.Contains(key))
            {
                continue;
            }

            documents[key] = documents.GetValueOrDefault(key) + docCount;
            mentions[key] = mentions.GetValueOrDefault(key) + (docCount * perDocument);
        }

        return documents.Keys
            .Select(k => new ReferenceSummary(k, MentionKeys.KindOf(k), MentionKeys.Label(k), documents[k], mentions[k]))
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

    /// <summary>A document in a group: its id, published millis and mentions of the wanted keys.</summary>
    private readonly record struct GroupMember(string Id, long Published, int Mentions);
}
