using SearchService.Api.V1;

namespace SearchService.Cli.Ingest;

/// <summary>One document read from disk, or why it could not be read.</summary>
/// <param name="Origin">Where it came from: the file, or "file:line" in a JSON Lines file.</param>
internal sealed record IngestItem(string Origin, IngestDocumentRequest? Request, string? Problem);
