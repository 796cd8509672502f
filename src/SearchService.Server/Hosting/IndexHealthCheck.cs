using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchService.Core.Search;

namespace SearchService.Server.Hosting;

/// <summary>Serving once the start-up sync is done and the index answers.</summary>
internal sealed class IndexHealthCheck(StartupState state, SearchEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Ready)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the index is being synchronized with the archive"));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{engine.DocumentCount} documents"));
    }
}
