using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchService.Core.Documents;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// A Word document (DOCX, read with DocumentFormat.OpenXml): paragraphs in order, tables as text (a row
/// per line, cells separated by " | "), the core properties (title, created). A run in a legacy font
/// (.VnTime, VNI-Times, by its own font, its paragraph style or the document's default) is decoded.
/// A ZIP whose parts inflate beyond the limits (a zip bomb) is refused before it is opened.
/// </summary>
public sealed class DocxReader(ReaderLimits limits) : ISourceReader
{
    public SourceFormat Format => SourceFormat.Docx;

    public SourceExtraction Read(SourceInput input, CancellationToken cancellationToken)
    {
        if (ZipCheck(input.Bytes, limits) is { } problem)
        {
            return Refuse(problem);
        }

        try
        {
            using var stream = new MemoryStream(input.Bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxTextChars });
            var main = word.MainDocumentPart ?? throw new InvalidDataException("no main document part");
            var fonts = new FontResolver(main);
            var text = new StringBuilder();
            string? legacy = null;
            foreach (var element in main.Document?.Body?.ChildElements ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                AppendBlock(element, text, fonts, ref legacy);
                if (text.Length > limits.MaxTextChars)
                {
                    return Refuse($"the document's text is over the {limits.MaxTextChars:N0}-character limit (Archive:Readers:MaxTextChars)");
                }
            }

            var body = SourceText.Clean(text.ToString()).Trim();
            if (legacy is null)
            {
                var (repaired, found) = LegacyVietnamese.Repair(body);
                if (found is not null)
                {
                    body = repaired;
                    legacy = LegacyVietnamese.Name(found.Value);
                }
            }

            var properties = word.PackageProperties;
            var title = SourceText.Clean(properties.Title ?? "").Trim();
            if (legacy is not null && title.Length > 0 && LegacyVietnamese.Repair(title) is { Encoding: not null } repairedTitle)
            {
                title = repairedTitle.Text;
            }

            if (title.Length == 0)
            {
                title = TitleGuess.FromBody(body);
            }

            if (body.Length == 0)
            {
                return Refuse("no text in the document");
            }

            DateTimeOffset? created = properties.Created is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null;
            var document = new SourceDocument(DocumentIds.FromPath(input.RelativePath), title, body, SourceText.Clean(properties.Category ?? "").Trim(), created, null, "", input.RelativePath);
            var status = legacy is null ? new SourceStatus(SourceState.Ok, Format: "docx") : new SourceStatus(SourceState.LegacyEncoding, "", legacy, Format: "docx");
            return new SourceExtraction(document, status);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            return Refuse($"not a readable Word document: {e.Message}");
        }
    }

    private static void AppendBlock(OpenXmlElement element, StringBuilder text, FontResolver fonts, ref string? legacy)
    {
        switch (element)
        {
            case Paragraph paragraph:
                AppendParagraph(paragraph, text, fonts, ref legacy);
                text.Append('\n');
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = new List<string>();
                    foreach (var cell in row.Elements<TableCell>())
                    {
                        var cellText = new StringBuilder();
                        foreach (var inner in cell.ChildElements)
                        {
                            AppendBlock(inner, cellText, fonts, ref legacy);
                        }

                        cells.Add(string.Join(' ', cellText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                    }

                    text.Append(string.Join(" | ", cells.Where(c => c.Length > 0))).Append('\n');
                }

                text.Append('\n');
                break;
            case SdtBlock sdt:
                foreach (var inner in sdt.SdtContentBlock?.ChildElements ?? [])
                {
                    AppendBlock(inner, text, fonts, ref legacy);
                }

                break;
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder text, FontResolver fonts, ref string? legacy)
    {
        var styleFont = fonts.ForParagraph(paragraph);
        foreach (var run in paragraph.Descendants<Run>())
        {
            var font = run.RunProperties?.RunFonts is { } rf ? rf.Ascii?.Value ?? rf.HighAnsi?.Value ?? styleFont : styleFont;
            var runText = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t:
                        runText.Append(t.Text);
                        break;
                    case TabChar:
                        runText.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        runText.Append('\n');
                        break;
                }
            }

            var value = runText.ToString();
            if (LegacyVietnamese.FromFontName(font, out var capitals) is { } encoding)
            {
                value = LegacyVietnamese.DecodeChars(value, encoding, capitals);
                var name = LegacyVietnamese.Name(encoding);
                legacy = legacy is null ? name : legacy.Split(", ").Contains(name) ? legacy : $"{legacy}, {name}";
            }

            text.Append(value);
        }
    }

    /// <summary>The ZIP's central directory: too many parts, too many bytes in all, or a part compressed too well.</summary>
    internal static string? ZipCheck(byte[] bytes, ReaderLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > 10_000)
            {
                return $"a zip bomb: {zip.Entries.Count:N0} parts";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > 1_000_000 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    return $"a zip bomb: part '{entry.FullName}' inflates {entry.Length / entry.CompressedLength:N0} times (limit {limits.MaxCompressionRatio}, Archive:Readers:MaxCompressionRatio)";
                }
            }

            if (total > limits.MaxUnpackedBytes)
            {
                return $"a zip bomb: its parts inflate to {total:N0} bytes, over the {limits.MaxUnpackedBytes:N0}-byte limit (Archive:Readers:MaxUnpackedBytes)";
            }

            // Declared sizes can lie: inflate the parts with a counter that stops at the limit.
            var buffer = new byte[1 << 16];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (inflated > limits.MaxUnpackedBytes)
                    {
                        return $"a zip bomb: its parts inflate to over {limits.MaxUnpackedBytes:N0} bytes (Archive:Readers:MaxUnpackedBytes)";
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException e)
        {
            return $"not a readable Word document (broken or cut-short ZIP): {e.Message}";
        }
    }

    private static SourceExtraction Refuse(string reason) => SourceExtraction.Refused(new SourceStatus(SourceState.Error, reason, Format: "docx"));

    /// <summary>The font of a paragraph's runs when they name none: the paragraph style's, else the document default.</summary>
    private sealed class FontResolver
    {
        private readonly Dictionary<string, string> _styleFonts = new(StringComparer.Ordinal);
        private readonly string? _default;

        public FontResolver(MainDocumentPart main)
        {
            var styles = main.StyleDefinitionsPart?.Styles;
            var defaults = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts;
            _default = defaults?.Ascii?.Value ?? defaults?.HighAnsi?.Value;
            foreach (var style in styles?.Elements<Style>() ?? [])
            {
                var fonts = style.StyleRunProperties?.RunFonts;
                if (style.StyleId?.Value is { } id && (fonts?.Ascii?.Value ?? fonts?.HighAnsi?.Value) is { } font)
                {
                    _styleFonts[id] = font;
                }

                if (style.Default?.Value == true && style.Type?.Value == StyleValues.Paragraph && fonts?.Ascii?.Value is { } normal)
                {
                    _default = normal;
                }
            }
        }

        public string? ForParagraph(Paragraph paragraph)
        {
            var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            return id is not null && _styleFonts.TryGetValue(id, out var font) ? font : _default;
        }
    }
}
