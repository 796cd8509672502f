using System.Diagnostics;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Indexing;

/// <summary>
/// The merge after a large sync. A sync commits every 30 seconds and every 100,000 records of a feed, so a first
/// ingest leaves an index of several segments of similar size (six for the 8,884 corpus reports, 34 at a hundred
/// times that), and a search pays a term lookup and a postings read per segment for every one of its terms. On the
/// corpus, the same index merged into one segment answered the known-item queries with 29 % less processor time
/// (issue 12). Lucene's merge policy lets up to ten segments of a size stand, so the store merges them itself, once,
/// in the background, after a sync that leaves a fifth of the index or more outside its largest segments. Small
/// later syncs and ingests add a few small segments, which the merge policy's own merges take care of.
/// </summary>
public sealed partial class IndexStore
{
    /// <summary>Below this share of the index outside its <c>target</c> largest segments, a merge is not worth its work.</summary>
    internal const double MergeWhenOutsideShare = 0.2;

    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _mergeGate = new();
    private volatile Task _merge = Task.CompletedTask;

    /// <summary>Whether a merge after a sync is running; searches see the segments as they were until it is committed.</summary>
    public bool Merging => !_merge.IsCompleted;

    /// <summary>Segments of the last commit that searches see.</summary>
    public int SegmentCount => Search(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>
    /// How many segments an index with segments of these sizes should be merged into, or null when it should be left
    /// as it is: one segment per <paramref name="maxSegmentBytes"/> of index (at least one), and only when at least
    /// <see cref="MergeWhenOutsideShare"/> of the bytes lie outside that many largest segments.
    /// </summary>
    internal static int? MergeTarget(IReadOnlyCollection<long> segmentBytes, long maxSegmentBytes)
    {
        var total = segmentBytes.Sum();
        var target = (int)Math.Max(1, Math.Ceiling(total / (double)maxSegmentBytes));
        if (segmentBytes.Count <= target || total == 0)
        {
            return null;
        }

        var outside = total - segmentBytes.OrderByDescending(b => b).Take(target).Sum();
        return outside >= total * MergeWhenOutsideShare ? target : null;
    }

    /// <summary>
    /// Merges the index's segments when a sync has left it in many (see <see cref="MergeTarget"/>), on a thread of its
    /// own, then commits and shows the merged index to new searches; searches and writes go on meanwhile. Returns the
    /// merge's task (already complete when there is nothing to merge, or <see cref="IndexOptions.MergeAfterSync"/> is
    /// off); it never throws: a failed merge is logged and the index keeps its segments.
    /// </summary>
    public Task MergeAfterSyncAsync()
    {
        if (!_options.MergeAfterSync)
        {
            return Task.CompletedTask;
        }

        lock (_mergeGate)
        {
            if (_closing.IsCancellationRequested || !_merge.IsCompleted)
            {
                return _merge;
            }

            List<long> segments;
            try
            {
                segments = CommittedSegmentBytes();
            }
            catch (IOException e)
            {
                Log.MergeAfterSyncFailed(_logger, e, 0);
                return Task.CompletedTask;
            }

            var target = MergeTarget(segments, (long)(_options.MaxMergedSegmentMb * 1024 * 1024));
            if (target is null)
            {
                return Task.CompletedTask;
            }

            // A thread of its own: the forced merge blocks its caller for as long as the merge runs (minutes on a large index).
            _merge = Task.Factory.StartNew(
                () => MergeAsync(segments, target.Value),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();
            return _merge;
        }
    }

    private List<long> CommittedSegmentBytes()
    {
        var infos = new SegmentInfos();
        infos.Read(_directory);
        return infos.Select(info => info.GetSizeInBytes()).ToList();
    }

    private async Task MergeAsync(List<long> segments, int target)
    {
        var clock = Stopwatch.StartNew();
        Log.MergeStarted(_logger, segments.Count, segments.Sum() / (1024.0 * 1024.0), target);
        try
        {
            _writer.ForceMerge(target, doWait: true);

            // The merged segments become the commit's under the write lock, so no half-written ingest is committed with them.
            using (await AcquireWriteAsync(_closing.Token).ConfigureAwait(false))
            {
                CommitSegments();
            }

            Log.MergeFinished(_logger, segments.Count, SegmentCount, clock.Elapsed.TotalSeconds);
        }
        catch (Exception) when (_closing.IsCancellationRequested)
        {
            Log.MergeStopped(_logger, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            Log.MergeAfterSyncFailed(_logger, e, segments.Count);
        }
    }

    private void WaitForMergeToStop()
    {
        Task merge;
        lock (_mergeGate)
        {
            merge = _merge;
        }

        // MergeAsync catches everything; this wait ends as soon as the aborted merge's thread returns.
        merge.Wait();
    }
}
