using Microsoft.Extensions.Options;
using SearchService.Core.Indexing;

namespace SearchService.Server.Hosting;

/// <summary>
/// Brings the index up to date with the archive before the server takes calls: it runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which completes before any hosted service,
/// Kestrel included, starts; then starts the merge of the segments a large sync left (<see cref="IndexStore.MergeAfterSyncAsync"/>).
/// </summary>
internal sealed class IndexStartupService(
    ArchiveSynchronizer synchronizer,
    IndexStore store,
    IOptions<ArchiveOptions> archive,
    StartupState state) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (archive.Value.SyncOnStart)
        {
            await Task.Run(() => synchronizer.SynchronizeAsync(cancellationToken), cancellationToken);
        }

        // The merge of what the sync left runs behind the searches (started before the server reports SERVING, so that
        // a client that sees SERVING also sees whether it merges); the store's disposal stops it.
        _ = store.MergeAfterSyncAsync();
        state.MarkReady();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Whether the start-up sync has finished; the health check reports it.</summary>
internal sealed class StartupState
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public void MarkReady() => _ready = true;
}
