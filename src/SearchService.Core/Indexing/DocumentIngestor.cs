using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Archive;
using SearchService.Core.Archive.Readers;
using SearchService.Core.Documents;
using SearchService.Core.Errors;

namespace SearchService.Core.Indexing;

/// <summary>
/// Adds, replaces and deletes single documents sent by clients. Each document is validated on its own:
/// a bad one is rejected with its reason and the others still land. Idempotent by id and content: the
/// same document sent twice is "unchanged" the second time. Everything is committed before the call
/// returns, so searches see it then.
/// </summary>
public sealed class DocumentIngestor(IndexStore store, IDocumentEnricher enricher, ILogger<DocumentIngestor> logger, IOptions<ArchiveOptions>? archiveOptions = null)
{
    // Files sent instead of text go through the archive's readers, with the archive's limits.
    private readonly Lazy<ArchiveReader> _reader = new(() => new ArchiveReader(
        archiveOptions?.Value.MaxFileBytes ?? new ArchiveOptions().MaxFileBytes, archiveOptions?.Value.Readers));

    public const int MaxTitleLength = 2_000;
    public const int MaxTextLength = 5_000_000;

    /// <summary>Where ingested documents say they came from (they have no archive file).</summary>
    public const string IngestSource = "IngestDocuments";

    public async Task<IngestSummary> IngestAsync(IAsyncEnumerable<SubmittedDocument> items, CancellationToken cancellationToken)
    {
        using var writeLock = await store.AcquireWriteAsync(cancellationToken).ConfigureAwait(false);
        var accepted = 0;
        var updated = 0;
        var unchanged = 0;
        var rejected = new List<IngestRejection>();
        var files = new List<IngestFileStatus>();
        var index = -1;
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var writes = new InFlightWrites(Environment.ProcessorCount * 2);
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                index++;
                var (document, reason) = item.FileContent is { Length: > 0 } ? ReadFile(item, index, files, cancellationToken) : Validate(item);
                if (document is null)
                {
                    rejected.Add(new IngestRejection(item.Id ?? "", index, reason!));
                    Log.IngestRejected(logger, item.Id ?? "", index, reason!);
                    continue;
                }

                var hash = ContentHash(item);
                if (files.Count > 0 && files[^1].Index == index)
                {
                    files[^1] = files[^1] with { Id = document.Id };
                }

                var previous = known.TryGetValue(document.Id, out var seen) ? seen : StoredHash(document.Id);
                if (previous == hash)
                {
                    unchanged++;
                    continue;
                }

                known[document.Id] = hash;
                await writes.StartAsync(document.Id, () => store.Update(enricher.Enrich(document, hash))).ConfigureAwait(false);
                if (previous is null)
                {
                    accepted++;
                }
                else
                {
                    updated++;
                }
            }
        }
        finally
        {
            // What was accepted before a cancellation or a broken stream is kept, whole documents only:
            // the writes under way finish before the commit.
            try
            {
                await writes.DrainAsync().ConfigureAwait(false);
            }
            finally
            {
                if (accepted + updated > 0)
                {
                    store.Commit(store.Manifest);
                }
            }
        }

        Log.IngestCommitted(logger, accepted, updated, unchanged, rejected.Count);
        return new IngestSummary(accepted, updated, unchanged, rejected) { Files = files };
    }

    /// <summary>Deletes one document; NOT_FOUND when there is none with this id.</summary>
    /// <remarks>A document read from an archive file is indexed again when that file changes.</remarks>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (DocumentIds.Check(id ?? "") is { } reason)
        {
            throw new InvalidRequestException("id", reason.Replace("'id' ", "", StringComparison.Ordinal));
        }

        using var writeLock = await store.AcquireWriteAsync(cancellationToken).ConfigureAwait(false);
        if (StoredHash(id!) is null)
        {
            throw new DocumentNotFoundException(id!);
        }

        store.Delete(id!);
        store.Commit(store.Manifest);
        Log.DocumentDeleted(logger, id!);
    }

    /// <summary>A file sent instead of text: read like an archive file; the item's fields that are set override what the file gives.</summary>
    private (SourceDocument? Document, string? Reason) ReadFile(SubmittedDocument item, int index, List<IngestFileStatus> files, CancellationToken cancellationToken)
    {
        var name = (item.FileName ?? "").Replace('\\', '/').Trim();
        var contentType = item.ContentType ?? "";
        (SourceDocument?, string?) Refuse(SourceStatus status)
        {
            files.Add(new IngestFileStatus(index, item.Id ?? "", name, status));
            return (null, status.Reason);
        }

        if (name.Length == 0 && SourceSniffer.FromContentType(contentType) == SourceFormat.Unknown)
        {
            return Refuse(new SourceStatus(SourceState.Error, "'file_name' or a known 'content_type' is needed with 'file_content'"));
        }

        var maxBytes = archiveOptions?.Value.MaxFileBytes ?? new ArchiveOptions().MaxFileBytes;
        if (item.FileContent!.Length > maxBytes)
        {
            return Refuse(new SourceStatus(SourceState.Error, $"the file is {item.FileContent.Length:N0} bytes, over the {maxBytes:N0}-byte limit (Archive:MaxFileBytes)"));
        }

        var result = _reader.Value.ReadBytes(item.FileContent, name.Length > 0 ? name : "upload", contentType, cancellationToken);
        if (result.Status.Format == "jsonl")
        {
            return Refuse(new SourceStatus(SourceState.Unsupported, "a JSON Lines file: send its records as documents", Format: "jsonl"));
        }

        if (result.Error is not null || result.Documents.Count != 1)
        {
            return Refuse(result.Status);
        }

        var read = result.Documents[0];
        var id = string.IsNullOrWhiteSpace(item.Id) ? DocumentIds.FromPath(name.Length > 0 ? name : "upload") : item.Id;
        var merged = item with
        {
            Id = id,
            Title = string.IsNullOrWhiteSpace(item.Title) ? read.Title : item.Title,
            Text = read.Text,
            Category = string.IsNullOrWhiteSpace(item.Category) ? read.Category : item.Category,
            Url = string.IsNullOrWhiteSpace(item.Url) ? read.Url : item.Url,
        };
        files.Add(new IngestFileStatus(index, id, name, result.Status));
        var (document, reason) = Validate(merged);
        if (document is null)
        {
            return (null, reason);
        }

        return (document with
        {
            PublishedAt = string.IsNullOrWhiteSpace(item.Date) ? read.PublishedAt : document.PublishedAt,
            ViewCount = read.ViewCount,
        }, null);
    }

    private static (SourceDocument? Document, string? Reason) Validate(SubmittedDocument item)
    {
        if (DocumentIds.Check(item.Id ?? "") is { } idReason)
        {
            return (null, idReason);
        }

        if (string.IsNullOrWhiteSpace(item.Title))
        {
            return (null, "'title' is missing or empty");
        }

        if (string.IsNullOrWhiteSpace(item.Text))
        {
            return (null, "'text' is missing or empty");
        }

        if (item.Title.Length > MaxTitleLength)
        {
            return (null, $"'title' is longer than {MaxTitleLength:N0} characters");
        }

        if (item.Text.Length > MaxTextLength)
        {
            return (null, $"'text' is longer than {MaxTextLength:N0} characters");
        }

        if (item.Title.Contains('\0') || item.Text.Contains('\0'))
        {
            return (null, "'title' or 'text' contains NUL characters");
        }

        try
        {
            var published = JsonLinesParser.ParseDate(item.Date?.Trim() ?? "");
            return (new SourceDocument(
                item.Id!,
                SourceText.Clean(item.Title).Trim(),
                SourceText.Clean(item.Text).Trim(),
                SourceText.Clean(item.Category ?? "").Trim(),
                published,
                ViewCount: null,
                Url: item.Url ?? "",
                SourcePath: "",
                Ward: SourceText.Clean(item.Ward ?? "").Trim(),
                District: SourceText.Clean(item.District ?? "").Trim(),
                Source: string.IsNullOrWhiteSpace(item.Source) ? IngestSource : item.Source), null);
        }
        catch (ArchiveFormatException e)
        {
            return (null, e.Message);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, $"'date' is out of range: '{item.Date}'");
        }
    }

    private string? StoredHash(string id) => store.Search(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        return top.ScoreDocs.Length == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexFields.ContentHash) ?? "";
    });

    private static string ContentHash(SubmittedDocument item)
    {
        var canonical = string.Join('\u001F', "ingest-v1", item.Id, item.Title, item.Text, item.Date, item.Category, item.Url, item.Source, item.Ward, item.District);
        if (item.FileContent is { Length: > 0 } file)
        {
            canonical = string.Join('\u001F', canonical, "file", item.FileName, item.ContentType, Convert.ToHexStringLower(SHA256.HashData(file)));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
