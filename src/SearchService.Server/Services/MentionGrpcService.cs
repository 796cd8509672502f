using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Server.Interceptors;
using SearchService.Server.Mapping;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.MentionService: references resolved, mentions found, summarized and listed.</summary>
internal sealed class MentionGrpcService(MentionSearch mentions) : MentionService.MentionServiceBase
{
    public override Task<ResolveReferenceResponse> ResolveReference(ResolveReferenceRequest request, ServerCallContext context)
    {
        var response = new ResolveReferenceResponse();
        response.Keys.AddRange(mentions.Resolve(request.Reference).Select(ApiMapper.ToKey));
        return Task.FromResult(response);
    }

    public override Task<FindMentionsResponse> FindMentions(FindMentionsRequest request, ServerCallContext context)
    {
        var page = mentions.Find(request.Reference, ApiMapper.ToFilter(request.Filter), request.HasPageSize ? request.PageSize : null, request.PageToken, context.CallToken(),
            request.Actions);
        var response = new FindMentionsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Mentions.AddRange(page.Mentions.Select(ApiMapper.ToMentionHit));
        return Task.FromResult(response);
    }

    public override Task<SummarizeMentionsResponse> SummarizeMentions(SummarizeMentionsRequest request, ServerCallContext context)
    {
        var summary = mentions.Summarize(request.Reference, ApiMapper.ToFilter(request.Filter), request.GroupBy, context.CallToken());
        var response = new SummarizeMentionsResponse();
        response.Keys.AddRange(summary.Keys.Select(ApiMapper.ToKey));
        response.Groups.AddRange(summary.Groups.Select(ApiMapper.ToGroup));
        return Task.FromResult(response);
    }

    public override Task<ListReferencesResponse> ListReferences(ListReferencesRequest request, ServerCallContext context)
    {
        var page = mentions.List(ApiMapper.ToFilter(request.Filter), request.HasPageSize ? request.PageSize : null, request.PageToken);
        var response = new ListReferencesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.References.AddRange(page.References.Select(ApiMapper.ToKey));
        return Task.FromResult(response);
    }
}
