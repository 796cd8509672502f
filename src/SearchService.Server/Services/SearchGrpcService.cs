using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Search;
using SearchService.Server.Interceptors;
using SearchService.Server.Mapping;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.SearchService: maps the request, calls Core, maps the response.</summary>
internal sealed class SearchGrpcService(SearchEngine engine) : SearchRpc.SearchServiceBase
{
    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var page = engine.Search(ApiMapper.ToQuery(request), context.CallToken());
        return Task.FromResult(ApiMapper.ToResponse(page));
    }

    public override Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
        => Task.FromResult(ApiMapper.ToDocument(engine.GetDocument(request.Id)));
}
