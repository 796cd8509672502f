using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Core.Search;
using SearchService.Server.Interceptors;
using SearchService.Server.Mapping;
using CoreMentionGroup = SearchService.Core.Search.MentionGroup;

namespace SearchService.Server.Services;

/// <summary>searchservice.v1.MentionService: references resolved, mentions found, summarized and listed.</summary>
internal sealed class MentionGrpcService(MentionSearch mentions) : MentionService.MentionServiceBase
{
    public override Task<ResolveReferenceResponse> ResolveReference(ResolveReferenceRequest request, ServerCallContext context)
    {
        var response = new ResolveReferenceResponse();
        response.Keys.AddRange(mentions.Resolve(request.Reference).Select(ToKey));
        return Task.FromResult(response);
    }

    public override Task<FindMentionsResponse> FindMentions(FindMentionsRequest request, ServerCallContext context)
    {
        var page = mentions.Find(request.Reference, ApiMapper.ToFilter(request.Filter), request.HasPageSize ? request.PageSize : null, request.PageToken, context.CallToken(),
            request.Actions);
        var response = new FindMentionsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Mentions.AddRange(page.Mentions.Select(hit => new Api.V1.MentionHit
        {
            Action = hit.Mention.Action ?? "",
            ResolvedBy = hit.Mention.ResolvedBy ?? "",
            CandidateKeys = { hit.Mention.CandidateKeys ?? [] },
            Key = hit.Mention.Key,
            Kind = hit.Mention.Kind,
            Text = hit.Mention.Text,
            Start = hit.Mention.Start,
            End = hit.Mention.End,
            Sentence = hit.Mention.Sentence,
            DocumentId = hit.Document.Id,
            DocumentTitle = hit.Document.Title,
            Ward = hit.Document.Ward,
            District = hit.Document.District,
            Year = hit.Document.Year ?? 0,
            PublishedAt = ApiMapper.ToTimestamp(hit.Document.PublishedAt),
        }));
        return Task.FromResult(response);
    }

    public override Task<SummarizeMentionsResponse> SummarizeMentions(SummarizeMentionsRequest request, ServerCallContext context)
    {
        var summary = mentions.Summarize(request.Reference, ApiMapper.ToFilter(request.Filter), request.GroupBy, context.CallToken());
        var response = new SummarizeMentionsResponse();
        response.Keys.AddRange(summary.Keys.Select(ToKey));
        response.Groups.AddRange(summary.Groups.Select(ToGroup));
        return Task.FromResult(response);
    }

    public override Task<ListReferencesResponse> ListReferences(ListReferencesRequest request, ServerCallContext context)
    {
        var page = mentions.List(ApiMapper.ToFilter(request.Filter), request.HasPageSize ? request.PageSize : null, request.PageToken);
        var response = new ListReferencesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.References.AddRange(page.References.Select(ToKey));
        return Task.FromResult(response);
    }

    private static ReferenceKey ToKey(ReferenceSummary summary)
    {
        var key = new ReferenceKey
        {
            Key = summary.Key,
            Kind = summary.Kind,
            Label = summary.Label,
            DocumentCount = summary.DocumentCount,
            MentionCount = summary.MentionCount,
        };
        if (summary.Document is { } document)
        {
            key.IssuedOn = document.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            key.Term = document.Term ?? "";
            key.Body = document.Body;
            key.Title = document.Title;
            key.Evidence = document.Evidence;
        }

        key.Candidates.AddRange((summary.Candidates ?? []).Select(issue => new CatalogueIssue
        {
            Key = issue.DatedKey,
            IssuedOn = issue.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Term = issue.Term ?? "",
            Body = issue.Body,
            Title = issue.Title,
        }));
        return key;
    }

    private static Api.V1.MentionGroup ToGroup(CoreMentionGroup group)
    {
        var message = new Api.V1.MentionGroup
        {
            Value = group.Value,
            DocumentCount = group.DocumentCount,
            MentionCount = group.MentionCount,
            FirstPublished = ApiMapper.ToTimestamp(group.FirstPublished),
            LastPublished = ApiMapper.ToTimestamp(group.LastPublished),
        };
        message.DocumentIds.AddRange(group.DocumentIds);
        message.Actions.AddRange((group.Actions ?? []).Select(a => new ActionTimeline
        {
            Action = a.Action,
            DocumentCount = a.DocumentCount,
            MentionCount = a.MentionCount,
            FirstPublished = ApiMapper.ToTimestamp(a.FirstPublished),
            LastPublished = ApiMapper.ToTimestamp(a.LastPublished),
        }));
        message.FirstRollout = ApiMapper.ToTimestamp(group.FirstRollout);
        message.LastReview = ApiMapper.ToTimestamp(group.LastReview);
        return message;
    }
}
