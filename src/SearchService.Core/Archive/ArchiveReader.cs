using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SearchService.Core.Archive.Readers;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive;

/// <summary>
/// Reads one archive file into documents, by its content (magic bytes) and its extension: portal text
/// (.txt, UTF-8 or a legacy Vietnamese encoding), JSON Lines (.jsonl, .ndjson), saved portal pages
/// (.html, .htm), PDF, DOCX and DOC. A page's attachments (files of the same base name, or files of its
/// folder it links to) are read into the page's report; an attachment read alone gives that report too.
/// </summary>
/// <remarks>One instance serves one sync: it keeps what it read of attachments so a page and its
/// attachments, read in any order or in parallel, extract each file once.</remarks>
public sealed partial class ArchiveReader
{
    /// <summary>Extensions read as attachments of a page.</summary>
    public static readonly IReadOnlyList<string> AttachmentExtensions = [".pdf", ".docx", ".doc"];

    private static readonly IReadOnlyList<string> PageExtensions = [".html", ".htm", ".xhtml"];

    private static readonly ArchiveReader Default = new(long.MaxValue);

    private readonly long _maxFileBytes;
    private readonly ReaderLimits _limits;
    private readonly Dictionary<SourceFormat, ISourceReader> _readers;
    private readonly ConcurrentDictionary<string, Lazy<SourceExtraction>> _attachments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<string, string>>> _linksByFolder = new(StringComparer.Ordinal);

    public ArchiveReader(long maxFileBytes, ReaderLimits? limits = null, OcrEngine? ocr = null)
    {
        _maxFileBytes = maxFileBytes;
        _limits = limits ?? new ReaderLimits();
        Ocr = ocr ?? new OcrEngine(_limits);
        DocReader = new DocReader(_limits);
        _readers = new Dictionary<SourceFormat, ISourceReader>
        {
            [SourceFormat.Html] = new HtmlPageReader(_limits),
            [SourceFormat.Pdf] = new PdfTextReader(_limits, Ocr),
            [SourceFormat.Docx] = new DocxReader(_limits),
            [SourceFormat.Doc] = DocReader,
        };
    }

    /// <summary>Every extension read.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => SourceSniffer.SupportedExtensions;

    /// <summary>The OCR of this reader (whether it is available, and why not).</summary>
    public OcrEngine Ocr { get; }

    /// <summary>The .doc reader (whether antiword is available).</summary>
    public DocReader DocReader { get; }

    /// <summary>Reads, hashes and parses the file. Never throws for bad content: the reason is in the result.</summary>
    public SourceReadResult Read(ArchiveFile file, CancellationToken cancellationToken = default)
    {
        var (bytes, failure) = ReadFile(file);
        if (bytes is null)
        {
            return Fail("", failure);
        }

        var result = ReadBytes(bytes, file.RelativePath, "", cancellationToken);
        var extension = Path.GetExtension(file.RelativePath).ToLowerInvariant();
        if (result.Error is null && result.Status.Format == "html")
        {
            return WithAttachments(file, result, cancellationToken);
        }

        if (AttachmentExtensions.Contains(extension) && Owner(file) is { } owner)
        {
            // An attachment: its own status, and the report of its page (which includes its text).
            var page = Read(owner, cancellationToken);
            return result with
            {
                Documents = page.Error is null ? page.Documents : [],
                AttachedTo = owner.RelativePath,
            };
        }

        return result;
    }

    /// <summary>Parses bytes as if they were the file at <paramref name="relativePath"/> (no attachments).</summary>
    public static SourceReadResult Parse(byte[] bytes, string relativePath, string extension) => Default.ReadBytes(bytes, relativePath);

    /// <summary>
    /// Reads one source's bytes: <paramref name="name"/> gives the extension and the document id,
    /// <paramref name="contentType"/> (optional) a claimed type. Never throws for bad content.
    /// </summary>
    public SourceReadResult ReadBytes(byte[] bytes, string name, string contentType = "", CancellationToken cancellationToken = default)
    {
        var hash = Hash(bytes);
        if (bytes.Length == 0)
        {
            return Fail(hash, "empty file");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var identification = SourceSniffer.Identify(bytes, extension, contentType);
        if (identification.Refusal is { } refusal)
        {
            return Fail(hash, refusal);
        }

        try
        {
            switch (identification.Format)
            {
                case SourceFormat.PortalText:
                    return ReadPortalText(bytes, name, hash);
                case SourceFormat.JsonLines:
                    return ReadJsonLines(bytes, name, hash);
            }

            var extraction = _readers[identification.Format].Read(new SourceInput(bytes, name, contentType), cancellationToken);
            return extraction.Document is { } document
                ? new SourceReadResult(hash, [document], [], null) { Status = extraction.Status }
                : Fail(hash, extraction.Status);
        }
        catch (ArchiveFormatException e)
        {
            return Fail(hash, new SourceStatus(SourceState.Error, e.Message, Format: SourceSniffer.Name(identification.Format)));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A reader's bug or a library's surprise on a strange file must not stop the sync.
            return Fail(hash, new SourceStatus(SourceState.Error, $"unreadable {SourceSniffer.Name(identification.Format)}: {e.GetType().Name}: {e.Message}", Format: SourceSniffer.Name(identification.Format)));
        }
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static SourceReadResult ReadPortalText(byte[] bytes, string name, string hash)
    {
        string text;
        string? legacy = null;
        try
        {
            text = SourceText.Decode(bytes);
        }
        catch (ArchiveFormatException e) when (e.Message.StartsWith("not valid UTF-8", StringComparison.Ordinal))
        {
            var detection = LegacyVietnamese.Detect(bytes);
            if (detection.Encoding is not { } found)
            {
                throw new ArchiveFormatException($"{e.Message}; no legacy Vietnamese encoding (TCVN3, VNI, VISCII, windows-1258) fits either");
            }

            text = SourceText.Clean(detection.Text!);
            legacy = LegacyVietnamese.Name(found);
        }

        var document = PortalTextParser.Parse(text, DocumentIds.FromPath(name), name);
        var status = legacy is null ? new SourceStatus(SourceState.Ok, Format: "text") : new SourceStatus(SourceState.LegacyEncoding, "", legacy, Format: "text");
        return new SourceReadResult(hash, [document], [], null) { Status = status };
    }

    private static SourceReadResult ReadJsonLines(byte[] bytes, string name, string hash)
    {
        var text = SourceText.Decode(bytes);
        var documents = new List<SourceDocument>();
        var rejections = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in JsonLinesParser.Parse(text, name))
        {
            if (line.Document is not null && !ids.TryAdd(line.Document.Id, line.LineNumber))
            {
                rejections.Add($"line {line.LineNumber}: {JsonLinesParser.RepeatedId(line.Document.Id, ids[line.Document.Id])}");
            }
            else if (line.Document is not null)
            {
                documents.Add(line.Document);
            }
            else
            {
                rejections.Add($"line {line.LineNumber}: {line.Error}");
            }
        }

        return documents.Count == 0 && rejections.Count > 0
            ? Fail(hash, new SourceStatus(SourceState.Error, $"no readable record ({rejections[0]})", Format: "jsonl")) with { Rejections = rejections }
            : new SourceReadResult(hash, documents, rejections, null) { Status = new SourceStatus(SourceState.Ok, Format: "jsonl") };
    }

    /// <summary>The file's bytes, or null with the reason it cannot be read (over the size limit, an I/O error).</summary>
    private (byte[]? Bytes, string Failure) ReadFile(ArchiveFile file)
    {
        if (file.Size > _maxFileBytes)
        {
            return (null, OverLimit(file));
        }

        try
        {
            return (File.ReadAllBytes(file.FullPath), "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file: {e.Message}");
        }
    }

    private string OverLimit(ArchiveFile file) => $"file is {file.Size:N0} bytes, over the {_maxFileBytes:N0}-byte limit (Archive:MaxFileBytes)";

    private static SourceReadResult Fail(string hash, string reason) => new(hash, [], [], reason);

    private static SourceReadResult Fail(string hash, SourceStatus status) =>
        new(hash, [], [], status.Reason.Length > 0 ? status.Reason : SourceStatus.Name(status.State)) { Status = status };

    [GeneratedRegex(@"href\s*=\s*[""']([^""'<>]+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Href();
}
