using System.Globalization;
using System.Security.Cryptography;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Analysis;
using SearchService.Core.Documents;
using SearchService.Core.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// Owns the index folder, the process's single <see cref="IndexWriter"/> and the
/// <see cref="SearcherManager"/>. Searches see the last commit only, so an update in progress is
/// invisible until it is committed whole.
/// </summary>
/// <remarks>
/// The only class that touches the writer: the synchronizer and the ingestor ask it to update, delete
/// and commit. Updates and deletes may come from several threads at once; commits come from the holder
/// of the write lock (<see cref="AcquireWriteAsync"/>).
/// </remarks>
public sealed partial class IndexStore : IDisposable
{
    private const string TokenKeyUserData = "searchservice.pageTokenKey";
    private const string CommittedAtUserData = "searchservice.committedAt";

    // A batch this small is not worth the threads.
    private const int SmallBatch = 16;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ILogger<IndexStore> _logger;
    private readonly IndexOptions _options;
    private IndexManifest _manifest;
    private int _disposed;

    public IndexStore(IOptions<IndexOptions> options, ILogger<IndexStore> logger)
    {
        _logger = logger;
        _options = options.Value;
        var path = System.IO.Path.GetFullPath(options.Value.Path);
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        Analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer();
        _directory = options.Value.Directory == "mmap" ? new MMapDirectory(path) : new NIOFSDirectory(path);
        var config = new IndexWriterConfig(VietnameseAnalyzers.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = options.Value.RamBufferMb,
            MergeScheduler = new LuceneLogging.LoggingMergeScheduler(logger),
        };
        config.SetInfoStream(new LuceneLogging.LoggerInfoStream(logger));
        try
        {
            _writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException e)
        {
            _directory.Dispose();
            throw new InvalidOperationException(
                $"the index at '{path}' is locked by another process (one IndexWriter per index): {e.Message}", e);
        }

        var userData = _writer.CommitData;
        _manifest = IndexManifest.FromUserData(userData);
        PageTokenKey = userData is not null && userData.TryGetValue(TokenKeyUserData, out var key)
            ? Convert.FromBase64String(key)
            : RandomNumberGenerator.GetBytes(32);
        if (userData is not null && userData.TryGetValue(CommittedAtUserData, out var committedAt)
            && DateTimeOffset.TryParseExact(committedAt, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            LastCommitUtc = time;
        }

        if (userData is null || !userData.ContainsKey(TokenKeyUserData))
        {
            // A new index: the first commit makes it openable and fixes the page-token key.
            CommitLocked(_manifest);
        }

        _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
        Log.IndexOpened(_logger, path, _writer.NumDocs, _manifest.Files.Count);
    }

    /// <summary>BM25 for indexing norms and for scoring.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    public string Path { get; }

    public Analyzer Analyzer { get; }

    /// <summary>Key that signs page tokens; kept in the index so tokens survive a restart.</summary>
    internal byte[] PageTokenKey { get; }

    /// <summary>When the last commit was made (UTC), or null before any.</summary>
    public DateTimeOffset? LastCommitUtc { get; private set; }

    /// <summary>A copy of the manifest of the last commit.</summary>
    internal IndexManifest Manifest
    {
        get
        {
            lock (_writer)
            {
                return _manifest.Clone();
            }
        }
    }

    /// <summary>Runs <paramref name="search"/> on the searcher of the last commit.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Serializes writers: the start-up sync and later ingests never interleave their commits.</summary>
    internal async Task<IDisposable> AcquireWriteAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_writeLock);
    }

    /// <summary>Adds a document, or replaces the one with its id; thread-safe, the analysis runs on the caller's thread.</summary>
    internal void Update(IndexedDocument document) =>
        _writer.UpdateDocument(new Term(IndexFields.Id, document.Source.Id), DocumentMapper.ToLucene(document));

    /// <summary>
    /// Prepares (enriches) and writes a batch on every core, each document in place of the one with its id;
    /// returns when all of it is written. A batch of a few documents is written on the caller's thread.
    /// </summary>
    internal void UpdateAll<T>(IReadOnlyList<T> batch, Func<T, IndexedDocument> prepare, CancellationToken cancellationToken = default) =>
        ForAll(batch, item => Update(prepare(item)), cancellationToken);

    /// <summary>Deletes the document with this id, if there is one.</summary>
    internal void Delete(string id) => _writer.DeleteDocuments(new Term(IndexFields.Id, id));

    /// <summary>Deletes every document read from this archive file.</summary>
    internal void DeleteSource(string sourcePath) => _writer.DeleteDocuments(new Term(IndexFields.SourcePath, sourcePath));

    /// <summary>
    /// Commits what a streamed file has written so far, with <paramref name="entry"/> (its checkpoint) in the manifest:
    /// a restart resumes the file there.
    /// </summary>
    internal void Checkpoint(IndexManifest manifest, string sourcePath, ManifestEntry entry)
    {
        manifest.Set(sourcePath, entry);
        Commit(manifest);
    }

    /// <summary>Commits every change made so far with this manifest, then shows it to new searches.</summary>
    internal void Commit(IndexManifest manifest)
    {
        CommitLocked(manifest);
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Commits a change of segments only (a merge): the documents are the same, so the time of the last update stays.</summary>
    private void CommitSegments()
    {
        lock (_writer)
        {
            CommitLocked(_manifest, LastCommitUtc);
        }

        _searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // A merge after a sync can run for minutes on a large index: closing aborts it (the index keeps its last
        // commit, with the segments as they were) instead of waiting for it, and waits only for its thread to stop.
        _closing.Cancel();
        _writer.Dispose(waitForMerges: false);
        WaitForMergeToStop();
        _searchers.Dispose();
        _directory.Dispose();
        _closing.Dispose();
        Analyzer.Dispose();
        _writeLock.Dispose();
    }

    private static void ForAll<T>(IReadOnlyList<T> batch, Action<T> write, CancellationToken cancellationToken)
    {
        if (batch.Count <= SmallBatch)
        {
            foreach (var item in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                write(item);
            }

            return;
        }

        Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, write);
    }

    private void CommitLocked(IndexManifest manifest, DateTimeOffset? committedAt = null)
    {
        lock (_writer)
        {
            var now = committedAt ?? DateTimeOffset.UtcNow;
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [IndexManifest.UserDataKey] = manifest.Serialize(),
                [TokenKeyUserData] = Convert.ToBase64String(PageTokenKey),
                [CommittedAtUserData] = now.ToString("O", CultureInfo.InvariantCulture),
            });
            _writer.Commit();
            _manifest = manifest.Clone();
            LastCommitUtc = now;
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new TermStatesSearcher(reader) { Similarity = Similarity };
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
