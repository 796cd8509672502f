using SearchService.Core.Archive.Readers;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>
/// What reading one archive file gave: its content hash, the documents read, the records rejected
/// inside it (JSON Lines), or the reason the whole file was skipped; and its <see cref="Status"/>.
/// </summary>
public sealed record SourceReadResult(
    string ContentHash,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<string> Rejections,
    string? Error)
{
    private readonly SourceStatus? _status;

    public bool Skipped => Error is not null;

    /// <summary>How the file was read (ok, ocr, legacy-encoding …); an error when only <see cref="Error"/> was given.</summary>
    public SourceStatus Status
    {
        get => _status ?? (Error is null ? SourceStatus.Ok : new SourceStatus(SourceState.Error, Error));
        init => _status = value;
    }

    /// <summary>For an attachment: the archive path of the page it belongs to (its text is in that page's report); else empty.</summary>
    public string AttachedTo { get; init; } = "";

    /// <summary>For a page: the archive paths of the attachments whose text its report includes.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
