using SearchService.Core.Archive;
using SearchService.Core.Documents;

namespace SearchService.Core.Indexing;

/// <summary>
/// An archive file read whole (a portal text, a page, a PDF …): read, compared with what the index has of
/// it by hash, and its documents enriched and written in place of the old ones. Nothing is committed here.
/// </summary>
internal sealed class ArchiveFileIndexer(IndexStore store, IDocumentEnricher enricher, ArchiveReader reader, ArchiveChanges changes, SyncProgress progress)
{
    /// <summary>Indexes a new or changed file; returns its manifest entry.</summary>
    public ManifestEntry Index(ArchiveFile file, ManifestEntry? previous, CancellationToken cancellationToken)
    {
        var result = reader.Read(file, cancellationToken);
        progress.AddRead(file.Size);
        if (previous is not null && previous.Hash.Length > 0 && previous.Hash == result.ContentHash)
        {
            // Touched, not changed: remember the new time so the next start does not read it again.
            return previous with { Size = file.Size, LastWriteTicks = file.LastWriteUtc.Ticks };
        }

        if (previous is not null)
        {
            store.DeleteSource(file.RelativePath);
        }

        progress.AddFile(isNew: previous is null);
        if (result.Error is { } error)
        {
            return progress.Skipped(file, result.ContentHash, error, ManifestStatus.Of(result));
        }

        // An attachment gives its page's report; when the page is read in this sync too, the page indexes it.
        var documents = result.AttachedTo.Length > 0 && changes.IsReadNow(result.AttachedTo) ? [] : result.Documents;
        Write(documents, result.ContentHash);
        return progress.Indexed(file, result.ContentHash, result.AttachedTo.Length > 0 ? 0 : documents.Count, result.Rejections)
            with { Status = ManifestStatus.Of(result) };
    }

    /// <summary>
    /// Reads again a file that did not change but whose report did (an attachment of it, or its page, was
    /// removed); returns its new manifest entry.
    /// </summary>
    public ManifestEntry Refresh(ArchiveFile file, ManifestEntry previous, CancellationToken cancellationToken)
    {
        var result = reader.Read(file, cancellationToken);
        if (result.Error is null)
        {
            Write(result.Documents, result.ContentHash);
        }

        return previous with
        {
            Documents = result.AttachedTo.Length > 0 ? 0 : result.Documents.Count,
            Error = result.Error,
            Status = ManifestStatus.Of(result),
        };
    }

    private void Write(IReadOnlyList<SourceDocument> documents, string contentHash)
    {
        store.UpdateAll(documents, d => enricher.Enrich(d, contentHash));
        progress.AddDocuments(documents.Count);
    }
}
