using SearchService.Core.Documents;

namespace SearchService.Core.Archive.Readers;

/// <summary>One file's bytes, with its archive path (or ingested name) and content type if known.</summary>
public sealed record SourceInput(byte[] Bytes, string RelativePath, string ContentType = "");

/// <summary>
/// What a reader made of one source: a document (or none, with the reason in the status) and the
/// files its page links to (HTML), for attachments.
/// </summary>
public sealed record SourceExtraction(SourceDocument? Document, SourceStatus Status, IReadOnlyList<string>? Links = null)
{
    public static SourceExtraction Refused(SourceStatus status) => new(null, status);
}

/// <summary>A reader of one source format. Implementations never throw for bad content: the status says why.</summary>
public interface ISourceReader
{
    SourceFormat Format { get; }

    SourceExtraction Read(SourceInput input, CancellationToken cancellationToken);
}
