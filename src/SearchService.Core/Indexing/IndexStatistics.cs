using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>Figures about the index as of the last commit.</summary>
public sealed record IndexStatistics(
    long DocumentCount,
    long MentionCount,
    long ReferenceCount,
    long SizeOnDiskBytes,
    DateTimeOffset? LastUpdated,
    int SourceFileCount,
    IReadOnlyList<SkippedSource> SkippedSources)
{
    /// <summary>Every archive file with how it was read, in path order.</summary>
    public IReadOnlyList<SourceReport> Sources { get; init; } = [];

    /// <summary>Segments of the index that searches read.</summary>
    public int SegmentCount { get; init; }

    /// <summary>Whether the merge after a sync is running (<see cref="IndexStore.MergeAfterSyncAsync"/>).</summary>
    public bool Merging { get; init; }

    public static IndexStatistics Read(IndexStore store)
    {
        var manifest = store.Manifest;
        var merging = store.Merging;
        var (documents, mentions, references, segments) = store.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            long mentionTotal = 0;
            foreach (var leaf in reader.Leaves)
            {
                var counts = leaf.AtomicReader.GetNumericDocValues(IndexFields.MentionCount);
                var live = leaf.AtomicReader.LiveDocs;
                if (counts is null)
                {
                    continue;
                }

                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    if (live is null || live.Get(doc))
                    {
                        mentionTotal += counts.Get(doc);
                    }
                }
            }

            var keys = MultiFields.GetTerms(reader, IndexFields.Reference);
            long keyCount = 0;
            if (keys is not null)
            {
                var termsEnum = keys.GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    if (reader.DocFreq(new Term(IndexFields.Reference, termsEnum.Term)) > 0)
                    {
                        keyCount++;
                    }
                }
            }

            return ((long)reader.NumDocs, mentionTotal, keyCount, reader.Leaves.Count);
        });

        var size = new DirectoryInfo(store.Path).EnumerateFiles().Sum(f => f.Length);
        var skipped = manifest.Files
            .Where(f => f.Value.Error is not null)
            .Select(f => new SkippedSource(f.Key, f.Value.Error!))
            .Concat(manifest.Files.Where(f => f.Value.Rejections is not null)
                .SelectMany(f => f.Value.Rejections!.Select(r => new SkippedSource(f.Key, r))))
            .OrderBy(s => s.SourcePath, StringComparer.Ordinal)
            .ToList();
        var sources = manifest.Files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => SourceReport.From(f.Key, f.Value))
            .ToList();
        return new IndexStatistics(documents, mentions, references, size, store.LastCommitUtc, manifest.Files.Count, skipped) { Sources = sources, SegmentCount = segments, Merging = merging };
    }
}

/// <summary>One archive file and how it was read: its status, the page it is attached to, the documents it gave.</summary>
public sealed record SourceReport(string SourcePath, SearchService.Core.Archive.Readers.SourceStatus Status, string AttachedTo, int Documents)
{
    internal static SourceReport From(string path, ManifestEntry entry)
    {
        var status = entry.Status is { } s
            ? new SearchService.Core.Archive.Readers.SourceStatus(StateOf(s.State, entry.Error), s.Reason.Length > 0 ? s.Reason : entry.Error ?? "", s.Encoding, s.Pages, s.Format)
            : entry.Error is { } error
                ? new SearchService.Core.Archive.Readers.SourceStatus(SearchService.Core.Archive.Readers.SourceState.Error, error)
                : SearchService.Core.Archive.Readers.SourceStatus.Ok;
        return new SourceReport(path, status, entry.Status?.AttachedTo ?? "", entry.Documents);
    }

    private static SearchService.Core.Archive.Readers.SourceState StateOf(string name, string? error) =>
        Enum.GetValues<SearchService.Core.Archive.Readers.SourceState>().FirstOrDefault(
            s => SearchService.Core.Archive.Readers.SourceStatus.Name(s) == name,
            error is null ? SearchService.Core.Archive.Readers.SourceState.Ok : SearchService.Core.Archive.Readers.SourceState.Error);
}
