using Google.Protobuf.WellKnownTypes;
using SearchService.Api.V1;
using SearchService.Core.Citations;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using CoreSnippet = SearchService.Core.Search.Snippet;

namespace SearchService.Server.Mapping;

/// <summary>Maps between the searchservice.v1 messages and Core's types.</summary>
internal static partial class ApiMapper
{
    public static SearchQuery ToQuery(SearchRequest request) => new(
        request.Query,
        ToFilter(request.Filter),
        request.Facets.ToList(),
        request.HasPageSize ? request.PageSize : null,
        request.PageToken,
        request.OrderBy,
        request.FacetSize);

    public static SearchFilter ToFilter(Filter? filter) => filter is null
        ? SearchFilter.None
        : new SearchFilter(
            filter.Wards.ToList(),
            filter.Districts.ToList(),
            filter.Years.ToList(),
            filter.Topics.ToList(),
            filter.References.ToList(),
            filter.YearFrom == 0 ? null : filter.YearFrom,
            filter.YearTo == 0 ? null : filter.YearTo);

    public static SearchResponse ToResponse(SearchPage page)
    {
        var response = new SearchResponse
        {
            TotalSize = page.TotalSize,
            NextPageToken = page.NextPageToken,
            Interpretation = ToInterpretation(page.Interpretation),
        };
        foreach (var hit in page.Hits)
        {
            var result = new SearchResult { Document = ToSummary(hit.Document), Score = hit.Score };
            result.Snippets.AddRange(hit.Snippets.Select(ToSnippet));
            result.MissingWords.AddRange(hit.MissingWords);
            result.Corrections.AddRange(hit.Corrections.Select(ToCorrection));
            response.Results.Add(result);
        }

        foreach (var facet in page.Facets)
        {
            var message = new Facet { Field = facet.Field };
            message.Values.AddRange(facet.Values.Select(v => new FacetValue { Value = v.Value, Count = v.Count }));
            response.Facets.Add(message);
        }

        return response;
    }

    public static Api.V1.QueryInterpretation ToInterpretation(Core.Search.QueryInterpretation interpretation)
    {
        var message = new Api.V1.QueryInterpretation { Relaxed = interpretation.Relaxed };
        message.DroppedWords.AddRange(interpretation.DroppedWords);
        message.Corrections.AddRange(interpretation.Corrections.Select(ToCorrection));
        message.ReferenceKeys.AddRange(interpretation.ReferenceKeys);
        return message;
    }

    private static WordCorrection ToCorrection(Core.Search.Planning.WordCorrection correction)
        => new() { Typed = correction.Typed, Corrected = correction.Corrected, Kind = correction.Kind };

    public static DocumentSummary ToSummary(StoredDocument document)
    {
        var summary = new DocumentSummary
        {
            Id = document.Id,
            Title = document.Title,
            Ward = document.Ward,
            District = document.District,
            Year = document.Year ?? 0,
            Category = document.Category,
            Url = document.Url,
            PublishedAt = ToTimestamp(document.PublishedAt),
        };
        summary.Topics.AddRange(document.Topics);
        return summary;
    }

    public static Document ToDocument(StoredDocument document)
    {
        var message = new Document
        {
            Id = document.Id,
            Title = document.Title,
            Ward = document.Ward,
            District = document.District,
            Year = document.Year ?? 0,
            Category = document.Category,
            Url = document.Url,
            PublishedAt = ToTimestamp(document.PublishedAt),
            Text = document.Text,
            ViewCount = document.ViewCount ?? -1,
            SourcePath = document.SourcePath,
            ContentHash = document.ContentHash,
        };
        message.Topics.AddRange(document.Topics);
        message.PeriodYears.AddRange(document.PeriodYears);
        message.Mentions.AddRange(document.Mentions.Select(ToMention));
        foreach (var topic in document.TopicEvidence)
        {
            var evidence = new TopicEvidence { Topic = topic.Topic, Score = topic.Score };
            evidence.Cues.AddRange(topic.Cues);
            message.TopicEvidence.Add(evidence);
        }

        return message;
    }

    public static CitationRequest ToCitationRequest(BuildCitationsRequest request)
        => new(request.DocumentIds.ToList(), request.Query, ToFilter(request.Filter), request.Reference, request.Style, request.MaxResults);

    public static BuildCitationsResponse ToResponse(CitationList list)
    {
        var response = new BuildCitationsResponse { Formatted = list.Formatted };
        foreach (var citation in list.Citations)
        {
            var message = new Api.V1.Citation { DocumentId = citation.DocumentId, Text = citation.Text };
            message.Quotes.AddRange(citation.Quotes.Select(q => new Quote { Text = q.Text, Start = q.Start, End = q.End, Key = q.Key }));
            response.Citations.Add(message);
        }

        return response;
    }

    public static IngestDocumentsResponse ToIngestResponse(IngestSummary summary)
    {
        var response = new IngestDocumentsResponse { Accepted = summary.Accepted, Updated = summary.Updated, Unchanged = summary.Unchanged };
        response.Rejected.AddRange(summary.Rejected.Select(r => new Api.V1.IngestRejection { Id = r.Id, Index = r.Index, Reason = r.Reason }));
        response.Files.AddRange(summary.Files.Select(f => new Api.V1.IngestFileStatus { Index = f.Index, Id = f.Id, Status = ToSourceStatus(f.FileName, f.Status) }));
        return response;
    }

    public static Api.V1.Mention ToMention(Core.Mentions.Mention mention)
    {
        var message = new Api.V1.Mention
        {
            Key = mention.Key,
            Kind = mention.Kind,
            Text = mention.Text,
            Start = mention.Start,
            End = mention.End,
            Sentence = mention.Sentence,
            Number = mention.Number ?? "",
            Symbol = mention.Symbol ?? "",
            Issuer = mention.Issuer ?? "",
            Plenum = mention.Plenum ?? 0,
            Term = mention.Term ?? "",
            Action = mention.Action ?? "",
            ResolvedBy = mention.ResolvedBy ?? "",
        };
        message.CandidateKeys.AddRange(mention.CandidateKeys ?? []);
        return message;
    }

    public static IndexStats ToStats(IndexStatistics statistics, bool includeOkSources = false)
    {
        var stats = new IndexStats
        {
            DocumentCount = statistics.DocumentCount,
            MentionCount = statistics.MentionCount,
            ReferenceCount = statistics.ReferenceCount,
            SizeOnDiskBytes = statistics.SizeOnDiskBytes,
            SourceFileCount = statistics.SourceFileCount,
            LastUpdated = ToTimestamp(statistics.LastUpdated),
            SegmentCount = statistics.SegmentCount,
            Merging = statistics.Merging,
        };
        stats.SkippedSources.AddRange(statistics.SkippedSources.Select(s => new Api.V1.SkippedSource { SourcePath = s.SourcePath, Reason = s.Reason }));
        stats.Sources.AddRange(statistics.Sources
            .Where(s => includeOkSources || s.Status.State != Core.Archive.Readers.SourceState.Ok)
            .Select(s => ToSourceStatus(s.SourcePath, s.Status, s.AttachedTo, s.Documents)));
        stats.SourceStates.AddRange(statistics.Sources
            .GroupBy(s => s.Status.State)
            .OrderBy(g => g.Key)
            .Select(g => new SourceStateCount { State = ToState(g.Key), Count = g.Count() }));
        return stats;
    }

    public static Api.V1.SourceStatus ToSourceStatus(string path, Core.Archive.Readers.SourceStatus status, string attachedTo = "", int documents = 0)
    {
        var message = new Api.V1.SourceStatus
        {
            SourcePath = path,
            State = ToState(status.State),
            Reason = status.Reason,
            Encoding = status.Encoding,
            Format = status.Format,
            AttachedTo = attachedTo,
            Documents = documents,
        };
        message.Pages.AddRange(status.Pages ?? []);
        return message;
    }

    public static Api.V1.SourceState ToState(Core.Archive.Readers.SourceState state) => state switch
    {
        Core.Archive.Readers.SourceState.Ok => Api.V1.SourceState.Ok,
        Core.Archive.Readers.SourceState.Ocr => Api.V1.SourceState.Ocr,
        Core.Archive.Readers.SourceState.LegacyEncoding => Api.V1.SourceState.LegacyEncoding,
        Core.Archive.Readers.SourceState.ScanWithoutOcr => Api.V1.SourceState.ScanWithoutOcr,
        Core.Archive.Readers.SourceState.Encrypted => Api.V1.SourceState.Encrypted,
        Core.Archive.Readers.SourceState.Unsupported => Api.V1.SourceState.Unsupported,
        _ => Api.V1.SourceState.Error,
    };

    public static SubmittedDocument ToSubmittedDocument(IngestDocumentRequest r) => new(
        r.Id, r.Title, r.Text, r.Date, r.Category, r.Url, r.Source, r.Ward, r.District,
        r.FileContent.IsEmpty ? null : r.FileContent.ToByteArray(), r.FileName, r.ContentType);

    public static Timestamp? ToTimestamp(DateTimeOffset? instant) => instant is { } at ? Timestamp.FromDateTimeOffset(at) : null;

    private static Api.V1.Snippet ToSnippet(CoreSnippet snippet)
    {
        var message = new Api.V1.Snippet { Text = snippet.Text, DocumentOffset = snippet.DocumentOffset };
        message.Highlights.AddRange(snippet.Highlights.Select(h => new Highlight { Start = h.Start, End = h.End }));
        return message;
    }
}
