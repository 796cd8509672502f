using SearchService.Core.Indexing;

namespace SearchService.Core.Tests.Indexing;

public sealed class InFlightWritesTests
{
    [Fact]
    public async Task StartAsync_SameIdTwice_TheLaterWriteRunsAfterTheEarlierWhateverTheSchedulerPicksFirst()
    {
        // The scheduler runs the newest queued write first: writes of one id must still end in order.
        var scheduler = new NewestFirstScheduler();
        var writes = new InFlightWrites(16, scheduler);
        var done = new List<string>();

        await writes.StartAsync("a", () => done.Add("a1"));
        await writes.StartAsync("b", () => done.Add("b1"));
        await writes.StartAsync("a", () => done.Add("a2"));
        await writes.StartAsync("a", () => done.Add("a3"));
        scheduler.RunAll();
        await writes.DrainAsync();

        Assert.Equal(["a1", "a2", "a3"], done.Where(d => d[0] == 'a'));
        Assert.Equal(4, done.Count);
    }

    [Fact]
    public async Task DrainAsync_AFailedWrite_IsThrownAfterTheOthersHaveRun()
    {
        var scheduler = new NewestFirstScheduler();
        var writes = new InFlightWrites(16, scheduler);
        var done = new List<string>();

        await writes.StartAsync("a", () => throw new InvalidOperationException("enrichment failed"));
        await writes.StartAsync("b", () => done.Add("b"));
        await writes.StartAsync("c", () => done.Add("c"));
        scheduler.RunAll();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(writes.DrainAsync);

        Assert.Equal("enrichment failed", error.Message);
        Assert.Equal(["c", "b"], done);
    }

    /// <summary>Runs queued tasks only when told, the most recently queued first.</summary>
    private sealed class NewestFirstScheduler : TaskScheduler
    {
        private readonly List<Task> _queued = [];

        public void RunAll()
        {
            while (_queued.Count > 0)
            {
                var task = _queued[^1];
                _queued.RemoveAt(_queued.Count - 1);
                TryExecuteTask(task);
            }
        }

        protected override IEnumerable<Task> GetScheduledTasks() => _queued;

        protected override void QueueTask(Task task) => _queued.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;
    }
}
