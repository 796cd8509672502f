using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions.Index;
using SearchService.Core.Search;

namespace SearchService.Core.Mentions.Search;

/// <summary>
/// The documents citing some keys, in the order mentions are listed (published ascending, undated last,
/// then id), each with how often it cites those keys — all from doc values, no stored fields, and only
/// as many slots as there are hits (a sorting TopFieldCollector would pre-allocate one per document of
/// the index).
/// </summary>
/// <remarks>By default it counts mentions of keys ("key␟count" entries of reference_counts); given
/// <see cref="IndexFields.ReferenceActions"/> and "key␟action" names it counts the mentions of those keys
/// with those actions.</remarks>
internal sealed class MentionHitCollector(IReadOnlySet<string> wantedKeys, CancellationToken cancellationToken, string countsField = IndexFields.ReferenceCounts) : ICollector
{
    /// <summary>The published value of a document without a date: it sorts after every dated one.</summary>
    public const long Undated = long.MaxValue;

    private readonly List<Segment> _segments = [];
    private readonly List<Hit> _hits = [];
    private readonly string[] _prefixes = wantedKeys.Select(k => MentionCounts.Encode(k, 0)[..^1]).ToArray();
    private NumericDocValues? _published;
    private IBits? _hasPublished;
    private SortedDocValues? _ids;
    private OrdinalTable? _counts;
    private int[]? _wantedPerOrdinal;
    private int _segment = -1;

    /// <summary>One hit: its segment, the document in it, published millis (<see cref="Undated"/> when none), id ordinal in the segment and wanted mentions.</summary>
    public readonly record struct Hit(int Segment, int Doc, long Published, int IdOrdinal, int Mentions);

    /// <summary>One segment that had hits: its reader and id doc values.</summary>
    public sealed record Segment(AtomicReaderContext Context, SortedDocValues? Ids);

    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>Mentions of the wanted keys over every hit.</summary>
    public long TotalMentions { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _published = reader.GetNumericDocValues(IndexFields.Published);
        _hasPublished = _published is null ? null : reader.GetDocsWithField(IndexFields.Published);
        _ids = reader.GetSortedDocValues(IndexFields.IdSort);
        _counts = OrdinalTable.For(reader, countsField);
        _wantedPerOrdinal = _counts is null ? null : WantedPerOrdinal(_counts.Values);
        _segments.Add(new Segment(context, _ids));
        _segment = _segments.Count - 1;
    }

    public void Collect(int doc)
    {
        if ((_hits.Count & 1023) == 1023)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var published = Undated;
        if (_published is not null)
        {
            published = _published.Get(doc);
            if (published == 0 && _hasPublished is not null && !_hasPublished.Get(doc))
            {
                published = Undated;
            }
        }

        var mentions = 0;
        if (_counts is not null)
        {
            var ordinals = _counts.Ordinals;
            var wanted = _wantedPerOrdinal!;
            for (int i = _counts.Starts[doc], end = _counts.Starts[doc + 1]; i < end; i++)
            {
                mentions += wanted[ordinals[i]];
            }
        }

        TotalMentions += mentions;
        _hits.Add(new Hit(_segment, doc, published, _ids?.GetOrd(doc) ?? -1, mentions));
    }

    /// <summary>
    /// The hits sorted as a sort on (published with missing = long.MaxValue, id_sort as string) sorts
    /// them: ids compare by ordinal within a segment and by their UTF-8 bytes across segments (ids
    /// without a value first), documents in index order on a full tie.
    /// </summary>
    public Hit[] Sorted()
    {
        var hits = _hits.ToArray();
        var idBytes = new Dictionary<(int Segment, int Ordinal), BytesRef>();
        BytesRef BytesOf(in Hit hit)
        {
            if (!idBytes.TryGetValue((hit.Segment, hit.IdOrdinal), out var bytes))
            {
                var scratch = new BytesRef();
                _segments[hit.Segment].Ids!.LookupOrd(hit.IdOrdinal, scratch);
                idBytes[(hit.Segment, hit.IdOrdinal)] = bytes = BytesRef.DeepCopyOf(scratch);
            }

            return bytes;
        }

        var step = 0;
        hits.AsSpan().Sort((a, b) =>
        {
            if ((++step & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var order = a.Published.CompareTo(b.Published);
            if (order != 0)
            {
                return order;
            }

            if (a.Segment == b.Segment)
            {
                order = a.IdOrdinal.CompareTo(b.IdOrdinal);
                return order != 0 ? order : a.Doc.CompareTo(b.Doc);
            }

            if (a.IdOrdinal < 0 || b.IdOrdinal < 0)
            {
                order = (a.IdOrdinal < 0 ? 0 : 1).CompareTo(b.IdOrdinal < 0 ? 0 : 1);
            }
            else
            {
                order = BytesOf(a).CompareTo(BytesOf(b));
            }

            return order != 0 ? order : a.Segment.CompareTo(b.Segment);
        });
        return hits;
    }

    /// <summary>The id of a hit, read from its segment's doc values.</summary>
    public string IdOf(in Hit hit)
    {
        if (hit.IdOrdinal < 0)
        {
            return "";
        }

        var scratch = new BytesRef();
        _segments[hit.Segment].Ids!.LookupOrd(hit.IdOrdinal, scratch);
        return scratch.Utf8ToString();
    }

    /// <summary>Wanted mentions per reference_counts ordinal: the count of a "key␟count" entry of a wanted key, else 0.</summary>
    private int[] WantedPerOrdinal(string[] entries)
    {
        var wanted = new int[entries.Length];
        for (var ord = 0; ord < entries.Length; ord++)
        {
            foreach (var prefix in _prefixes)
            {
                if (entries[ord].StartsWith(prefix, StringComparison.Ordinal))
                {
                    var (key, count) = MentionCounts.Decode(entries[ord]);
                    if (wantedKeys.Contains(key))
                    {
                        wanted[ord] = count;
                    }

                    break;
                }
            }
        }

        return wanted;
    }
}
