using SearchService.Api.V1;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using CoreMentionGroup = SearchService.Core.Mentions.Search.MentionGroup;
using CoreReferenceKey = SearchService.Core.Mentions.Search.ReferenceKey;

namespace SearchService.Server.Mapping;

/// <summary>The MentionService's messages: hits, reference keys with their catalogue issues, groups with their action timelines.</summary>
internal static partial class ApiMapper
{
    public static Api.V1.MentionHit ToMentionHit(Core.Mentions.Search.MentionHit hit) => new()
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
        PublishedAt = ToTimestamp(hit.Document.PublishedAt),
    };

    public static Api.V1.ReferenceKey ToKey(CoreReferenceKey reference)
    {
        var key = new Api.V1.ReferenceKey
        {
            Key = reference.Key,
            Kind = reference.Kind,
            Label = reference.Label,
            DocumentCount = reference.DocumentCount,
            MentionCount = reference.MentionCount,
        };
        if (reference.Document is { } document)
        {
            key.IssuedOn = document.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            key.Term = document.Term ?? "";
            key.Body = document.Body;
            key.Title = document.Title;
            key.Evidence = document.Evidence;
        }

        key.Candidates.AddRange((reference.Candidates ?? []).Select(issue => new CatalogueIssue
        {
            Key = issue.DatedKey,
            IssuedOn = issue.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Term = issue.Term ?? "",
            Body = issue.Body,
            Title = issue.Title,
        }));
        return key;
    }

    public static Api.V1.MentionGroup ToGroup(CoreMentionGroup group)
    {
        var message = new Api.V1.MentionGroup
        {
            Value = group.Value,
            DocumentCount = group.DocumentCount,
            MentionCount = group.MentionCount,
            FirstPublished = ToTimestamp(group.FirstPublished),
            LastPublished = ToTimestamp(group.LastPublished),
        };
        message.DocumentIds.AddRange(group.DocumentIds);
        message.Actions.AddRange((group.Actions ?? []).Select(a => new Api.V1.ActionTimeline
        {
            Action = a.Action,
            DocumentCount = a.DocumentCount,
            MentionCount = a.MentionCount,
            FirstPublished = ToTimestamp(a.FirstPublished),
            LastPublished = ToTimestamp(a.LastPublished),
        }));
        message.FirstRollout = ToTimestamp(group.FirstRollout);
        message.LastReview = ToTimestamp(group.LastReview);
        return message;
    }
}
