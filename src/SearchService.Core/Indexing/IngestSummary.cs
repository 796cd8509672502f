namespace SearchService.Core.Indexing;

/// <summary>What an IngestDocuments call did with each document of its stream.</summary>
public sealed record IngestSummary(int Accepted, int Updated, int Unchanged, IReadOnlyList<IngestRejection> Rejected)
{
    /// <summary>The status of each file sent (items with <see cref="SubmittedDocument.FileContent"/>), in stream order.</summary>
    public IReadOnlyList<IngestFileStatus> Files { get; init; } = [];
}

/// <summary>How a file sent to IngestDocuments was read.</summary>
public sealed record IngestFileStatus(int Index, string Id, string FileName, SearchService.Core.Archive.Readers.SourceStatus Status);

/// <summary>A document refused, with its position in the stream (from 0) and the reason.</summary>
public sealed record IngestRejection(string Id, int Index, string Reason);

/// <summary>A document as a client sends it to IngestDocuments (before it is a <see cref="Documents.SourceDocument"/>); validated by <see cref="DocumentIngestor"/>.</summary>
public sealed record SubmittedDocument(
    string Id,
    string Title,
    string Text,
    string Date = "",
    string Category = "",
    string Url = "",
    string Source = "",
    string Ward = "",
    string District = "",
    byte[]? FileContent = null,
    string FileName = "",
    string ContentType = "");
