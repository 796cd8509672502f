using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>
/// The documents a search page shows (summary fields and text, <see cref="DocumentMapper.SummaryOf"/>), kept for
/// the life of one commit's reader, as Solr's document cache does. Reading a hit means decompressing and decoding
/// its stored fields, and the reports a strict search favours are long (30,000 characters on average among the
/// first hits of the corpus's title queries, against 4,400 for a report); the same reports come back query after
/// query. At most <see cref="MaxCachedChars"/> characters of text are kept; past that the cache starts again empty.
/// </summary>
internal sealed class SummaryCache
{
    internal const long DefaultMaxCachedChars = 32_000_000;

    private static readonly ConditionalWeakTable<IndexReader, SummaryCache> ByReader = new();

    private readonly ConcurrentDictionary<int, StoredDocument> _documents = new();
    private long _chars;
    private long _reads;

    /// <summary>Most characters of text kept (about two bytes each).</summary>
    internal long MaxCachedChars { get; init; } = DefaultMaxCachedChars;

    /// <summary>Documents read from the index (not found in the cache) so far.</summary>
    internal long Reads => Interlocked.Read(ref _reads);

    /// <summary>The cache of a reader (one per commit).</summary>
    public static SummaryCache Of(IndexReader reader) => ByReader.GetValue(reader, _ => new SummaryCache());

    /// <summary>The summary of <paramref name="doc"/>, a doc id of <paramref name="searcher"/>.</summary>
    public StoredDocument Get(IndexSearcher searcher, int doc)
    {
        if (_documents.TryGetValue(doc, out var cached))
        {
            return cached;
        }

        Interlocked.Increment(ref _reads);
        var document = DocumentMapper.FromLucene(DocumentMapper.SummaryOf(searcher, doc));
        var size = document.Text.Length + document.Title.Length;
        if (Interlocked.Add(ref _chars, size) > MaxCachedChars)
        {
            _documents.Clear();
            Interlocked.Exchange(ref _chars, size);
        }

        _documents[doc] = document;
        return document;
    }
}
