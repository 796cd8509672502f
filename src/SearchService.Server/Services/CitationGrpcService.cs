using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Citations;
using SearchService.Server.Interceptors;
using SearchService.Server.Mapping;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.CitationService: maps the request, lets Core pick and format, maps the list back.</summary>
internal sealed class CitationGrpcService(CitationComposer composer) : CitationService.CitationServiceBase
{
    public override Task<BuildCitationsResponse> BuildCitations(BuildCitationsRequest request, ServerCallContext context)
    {
        var list = composer.Compose(ApiMapper.ToCitationRequest(request), context.CallToken());
        return Task.FromResult(ApiMapper.ToResponse(list));
    }
}
