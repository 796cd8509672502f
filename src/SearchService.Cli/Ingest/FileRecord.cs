using SearchService.Api.V1;

namespace SearchService.Cli.Ingest;

/// <summary>One record read from disk (a whole report file, or one line of a JSON Lines file): the request it gives, or why it gives none.</summary>
/// <param name="Path">The file, as shown to the user.</param>
/// <param name="Line">The line in a JSON Lines file, from 1; 0 for a whole file.</param>
/// <param name="Bytes">Bytes of the file this item accounts for (for progress).</param>
internal sealed record FileRecord(string Path, int Line, IngestDocumentRequest? Request, string? Problem, long Bytes = 0)
{
    /// <summary>Where it came from: the file, or "file:line" in a JSON Lines file.</summary>
    public string Origin => OriginOf(Path, Line);

    /// <summary>"file:line", or the file alone for line 0.</summary>
    public static string OriginOf(string path, int line) => line > 0 ? $"{path}:{line}" : path;
}
