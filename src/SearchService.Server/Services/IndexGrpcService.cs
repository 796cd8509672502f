using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Indexing;
using SearchService.Server.Interceptors;
using SearchService.Server.Mapping;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.IndexService: statistics, and documents added or deleted by clients.</summary>
internal sealed class IndexGrpcService(IndexStore store, DocumentIngestor ingestor) : IndexService.IndexServiceBase
{
    public override Task<IndexStats> GetIndexStats(GetIndexStatsRequest request, ServerCallContext context)
        => Task.FromResult(ApiMapper.ToStats(IndexStatistics.Read(store), request.IncludeOkSources));

    public override async Task<IngestDocumentsResponse> IngestDocuments(IAsyncStreamReader<IngestDocumentRequest> requestStream, ServerCallContext context)
    {
        var summary = await ingestor.IngestAsync(Read(requestStream, context.CallToken()), context.CallToken());
        return ApiMapper.ToIngestResponse(summary);
    }

    public override async Task<DeleteDocumentResponse> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        await ingestor.DeleteAsync(request.Id, context.CallToken());
        return new DeleteDocumentResponse { Deleted = true };
    }

    private static async IAsyncEnumerable<SubmittedDocument> Read(
        IAsyncStreamReader<IngestDocumentRequest> stream,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in stream.ReadAllAsync(cancellationToken))
        {
            yield return ApiMapper.ToSubmittedDocument(r);
        }
    }
}
