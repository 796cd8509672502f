namespace SearchService.Core.Indexing;

/// <summary>
/// Runs document writes (enrichment, analysis, IndexWriter.UpdateDocument) on the thread pool, at most
/// a given number at once, while the caller goes on reading its stream. A write waits for an earlier
/// one of the same id, so of two versions sent in one call the later one is what the index keeps.
/// </summary>
/// <remarks>Used by one caller at a time (the ingest holds the write lock).</remarks>
/// <param name="maxInFlight">Most writes under way at once.</param>
/// <param name="scheduler">Where writes run; the thread pool unless a test says otherwise.</param>
internal sealed class InFlightWrites(int maxInFlight, TaskScheduler? scheduler = null)
{
    private readonly TaskScheduler _scheduler = scheduler ?? TaskScheduler.Default;
    private readonly Queue<(string Id, Task Task)> _queue = new();
    private readonly Dictionary<string, Task> _latest = new(StringComparer.Ordinal);

    /// <summary>Starts a write once fewer than the maximum are under way; an earlier write's failure surfaces here.</summary>
    public async Task StartAsync(string id, Action write)
    {
        while (_queue.Count >= maxInFlight)
        {
            await CompleteOldestAsync().ConfigureAwait(false);
        }

        var task = _latest.TryGetValue(id, out var earlier)
            ? earlier.ContinueWith(_ => write(), CancellationToken.None, TaskContinuationOptions.DenyChildAttach, _scheduler)
            : Task.Factory.StartNew(write, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);
        _queue.Enqueue((id, task));
        _latest[id] = task;
    }

    /// <summary>Waits for every write started; the first failure is thrown after all have ended.</summary>
    public async Task DrainAsync()
    {
        Exception? failure = null;
        while (_queue.Count > 0)
        {
            try
            {
                await CompleteOldestAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task CompleteOldestAsync()
    {
        var (id, task) = _queue.Dequeue();
        if (_latest.TryGetValue(id, out var latest) && latest == task)
        {
            _latest.Remove(id);
        }

        await task.ConfigureAwait(false);
    }
}
