using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>
/// What reading one archive file gave: its content hash, the documents read, the records rejected
/// inside it (JSON Lines), or the reason the whole file was skipped.
/// </summary>
public sealed record SourceReadResult(
    string ContentHash,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<string> Rejections,
    string? Error)
{
    public bool Skipped => Error is not null;
}
