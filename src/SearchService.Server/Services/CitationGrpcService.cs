using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Citations;
using SearchService.Server.Mapping;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.CitationService: maps the request, lets Core pick and format, maps the list back.</summary>
internal sealed class CitationGrpcService(CitationComposer composer) : CitationService.CitationServiceBase
{
    public override Task<BuildCitationsResponse> BuildCitations(BuildCitationsRequest request, ServerCallContext context)
    {
        var list = composer.Compose(
            new CitationRequest(request.DocumentIds.ToList(), request.Query, ApiMapper.ToFilter(request.Filter), request.Reference, request.Style, request.MaxResults),
            context.CancellationToken);
        var response = new BuildCitationsResponse { Formatted = list.Formatted };
        foreach (var citation in list.Citations)
        {
            var message = new Api.V1.Citation { DocumentId = citation.DocumentId, Text = citation.Text };
            message.Quotes.AddRange(citation.Quotes.Select(q => new Quote { Text = q.Text, Start = q.Start, End = q.End, Key = q.Key }));
            response.Citations.Add(message);
        }

        return Task.FromResult(response);
    }
}
