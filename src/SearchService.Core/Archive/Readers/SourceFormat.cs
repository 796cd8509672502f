using System.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>The formats the archive reads.</summary>
public enum SourceFormat
{
    Unknown,
    PortalText,
    JsonLines,
    Html,
    Pdf,
    Docx,
    Doc,
}

/// <summary>
/// Which reader a file goes to: by its content (magic bytes) and its extension (or content type). A file
/// whose extension or content type names one binary format while its bytes are another is refused: it
/// is a mistake or a trick, and reading it as what it claims would give junk.
/// </summary>
public static class SourceSniffer
{
    public sealed record Identification(SourceFormat Format, SourceStatus? Refusal);

    private static readonly Dictionary<string, SourceFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = SourceFormat.PortalText,
        [".jsonl"] = SourceFormat.JsonLines,
        [".ndjson"] = SourceFormat.JsonLines,
        [".html"] = SourceFormat.Html,
        [".htm"] = SourceFormat.Html,
        [".xhtml"] = SourceFormat.Html,
        [".pdf"] = SourceFormat.Pdf,
        [".docx"] = SourceFormat.Docx,
        [".doc"] = SourceFormat.Doc,
    };

    private static readonly Dictionary<string, SourceFormat> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = SourceFormat.PortalText,
        ["application/x-ndjson"] = SourceFormat.JsonLines,
        ["application/jsonl"] = SourceFormat.JsonLines,
        ["text/html"] = SourceFormat.Html,
        ["application/xhtml+xml"] = SourceFormat.Html,
        ["application/pdf"] = SourceFormat.Pdf,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = SourceFormat.Docx,
        ["application/msword"] = SourceFormat.Doc,
    };

    /// <summary>The extensions read, for messages.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => Extensions.Keys;

    /// <summary>The format a name's extension claims, or Unknown.</summary>
    public static SourceFormat FromExtension(string extension) =>
        Extensions.TryGetValue(extension, out var format) ? format : SourceFormat.Unknown;

    /// <summary>The format a content type claims ("application/pdf; charset=…"), or Unknown.</summary>
    public static SourceFormat FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return SourceFormat.Unknown;
        }

        var type = contentType.Split(';')[0].Trim();
        return ContentTypes.TryGetValue(type, out var format) ? format : SourceFormat.Unknown;
    }

    public static Identification Identify(ReadOnlySpan<byte> bytes, string extension, string? contentType = null)
    {
        var content = Content(bytes);
        var named = FromExtension(extension);
        var typed = FromContentType(contentType);
        var claim = named != SourceFormat.Unknown ? named : typed;
        var claimedBy = named != SourceFormat.Unknown ? $"named '{extension}'" : $"sent as '{contentType}'";

        if (content.Kind == ContentKind.EncryptedOffice)
        {
            return new(SourceFormat.Docx, new SourceStatus(SourceState.Encrypted, "a password-protected Office document", Format: "docx"));
        }

        // Two claims that disagree (a .pdf sent as a Word document) are a mistake as well.
        if (named != SourceFormat.Unknown && typed != SourceFormat.Unknown && named != typed && IsBinary(named) && IsBinary(typed))
        {
            return Refuse(named, $"named '{extension}' but sent as '{contentType}'");
        }

        if (claim == SourceFormat.Unknown)
        {
            return content.Format is { } byContent
                ? new(byContent, null)
                : new(SourceFormat.Unknown, new SourceStatus(SourceState.Unsupported,
                    $"unsupported file type '{extension}'{Describe(content)} (supported: {string.Join(", ", Extensions.Keys)})"));
        }

        if (IsBinary(claim) || content.Kind is not (ContentKind.Text or ContentKind.Html))
        {
            if (content.Format != claim)
            {
                return IsBinary(claim)
                    ? Refuse(claim, $"{claimedBy} but {(content.Kind is ContentKind.Text or ContentKind.Html ? "the content is text" : "the content is " + content.Name)}")
                    : Refuse(claim, $"binary content: {claimedBy} but the content is {content.Name}");
            }
        }

        return new(claim, null);
    }

    private static bool IsBinary(SourceFormat format) => format is SourceFormat.Pdf or SourceFormat.Docx or SourceFormat.Doc;

    private static Identification Refuse(SourceFormat claim, string reason) =>
        new(claim, new SourceStatus(SourceState.Error, $"the file's type is not what it claims: {reason}", Format: Name(claim)));

    private static string Describe(ContentRead content) => content.Kind is ContentKind.Text or ContentKind.Html ? "" : $": {content.Name}";

    public static string Name(SourceFormat format) => format switch
    {
        SourceFormat.PortalText => "text",
        SourceFormat.JsonLines => "jsonl",
        SourceFormat.Html => "html",
        SourceFormat.Pdf => "pdf",
        SourceFormat.Docx => "docx",
        SourceFormat.Doc => "doc",
        _ => "",
    };

    private enum ContentKind
    {
        Text,
        Html,
        Pdf,
        Docx,
        Doc,
        EncryptedOffice,
        OtherZip,
        OtherBinary,
    }

    private readonly record struct ContentRead(ContentKind Kind, string Name)
    {
        public SourceFormat? Format => Kind switch
        {
            ContentKind.Html => SourceFormat.Html,
            ContentKind.Pdf => SourceFormat.Pdf,
            ContentKind.Docx => SourceFormat.Docx,
            ContentKind.Doc => SourceFormat.Doc,
            _ => null,
        };
    }

    private static ContentRead Content(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return new(ContentKind.Pdf, "a PDF document");
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return bytes.IndexOf("word/document"u8) >= 0 || bytes.IndexOf("word/_rels"u8) >= 0
                ? new(ContentKind.Docx, "a Word document (DOCX)")
                : new(ContentKind.OtherZip, "a ZIP archive that is not a Word document");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            if (bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0)
            {
                return new(ContentKind.EncryptedOffice, "a password-protected Office document");
            }

            return bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0
                ? new(ContentKind.Doc, "a Word 97–2003 document (DOC)")
                : new(ContentKind.OtherBinary, "an Office 97–2003 file that is not a Word document");
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return new(ContentKind.OtherBinary, "an RTF document");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return new(ContentKind.OtherBinary, "a PNG image");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new(ContentKind.OtherBinary, "a JPEG image");
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return new(ContentKind.OtherBinary, "a GIF image");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2A, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2A]))
        {
            return new(ContentKind.OtherBinary, "a TIFF image");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || bytes.StartsWith("Rar!"u8) || bytes.StartsWith("7z"u8))
        {
            return new(ContentKind.OtherBinary, "a compressed archive");
        }

        return LooksLikeHtml(head) ? new(ContentKind.Html, "HTML") : new(ContentKind.Text, "text");
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal)
            || (text.StartsWith('<') && (text.Contains("<head", StringComparison.Ordinal) || text.Contains("<body", StringComparison.Ordinal)));
    }
}
