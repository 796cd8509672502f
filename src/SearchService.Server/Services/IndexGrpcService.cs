using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Indexing;
using SearchService.Server.Mapping;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.IndexService. Writes (IngestDocuments, DeleteDocument) come with their own issue.</summary>
internal sealed class IndexGrpcService(IndexStore store) : IndexService.IndexServiceBase
{
    public override Task<IndexStats> GetIndexStats(GetIndexStatsRequest request, ServerCallContext context)
        => Task.FromResult(ApiMapper.ToStats(IndexStatistics.Read(store)));
}
