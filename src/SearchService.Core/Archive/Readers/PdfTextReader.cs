using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// A PDF: the text layer in reading order, page by page (PdfPig). A page with no letters and an image
/// is a scan: it is read by OCR when available, otherwise reported with its page number, never indexed
/// as empty. Text in a legacy font (.VnTime, VNI-Times) is decoded. Refused before parsing: a file cut
/// short, more pages than the limit, compressed streams that inflate beyond the limit (a PDF bomb);
/// while parsing: a password-protected file.
/// </summary>
public sealed partial class PdfTextReader(ReaderLimits limits, OcrEngine ocr) : ISourceReader
{
    public SourceFormat Format => SourceFormat.Pdf;

    public SourceExtraction Read(SourceInput input, CancellationToken cancellationToken)
    {
        var bytes = input.Bytes;
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            return Refuse(SourceState.Error, "the PDF is cut short (no %%EOF at its end): a truncated download?");
        }

        if (BombCheck(bytes, limits) is { } bomb)
        {
            return Refuse(SourceState.Error, bomb);
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return Refuse(SourceState.Encrypted, "the PDF is password-protected");
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return Refuse(SourceState.Error, $"not a readable PDF: {e.Message}");
        }

        using (document)
        {
            try
            {
                return ReadDocument(document, input, cancellationToken);
            }
            catch (PdfDocumentEncryptedException)
            {
                return Refuse(SourceState.Encrypted, "the PDF is password-protected");
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                return Refuse(SourceState.Error, $"not a readable PDF: {e.Message}");
            }
        }
    }

    private SourceExtraction ReadDocument(PdfDocument document, SourceInput input, CancellationToken cancellationToken)
    {
        if (document.IsEncrypted && document.NumberOfPages == 0)
        {
            return Refuse(SourceState.Encrypted, "the PDF is password-protected");
        }

        var pageCount = document.NumberOfPages;
        if (pageCount > limits.MaxPages)
        {
            return Refuse(SourceState.Error, $"the PDF has {pageCount:N0} pages, over the {limits.MaxPages:N0}-page limit (Archive:Readers:MaxPages)");
        }

        var texts = new string?[pageCount];
        var scans = new List<int>();
        string? legacy = null;
        var characters = 0L;
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = document.GetPage(number);
            var letters = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
            if (letters == 0)
            {
                if (page.GetImages().Any())
                {
                    scans.Add(number);
                }

                continue;
            }

            var (text, encoding) = PageText(page);
            legacy ??= encoding;
            texts[number - 1] = text;
            characters += text.Length;
            if (characters > limits.MaxTextChars)
            {
                return Refuse(SourceState.Error, $"the PDF's text is over the {limits.MaxTextChars:N0}-character limit (Archive:Readers:MaxTextChars)");
            }
        }

        var ocrProblems = new List<string>();
        var ocrPages = new List<int>();
        if (scans.Count > 0 && ocr.Available)
        {
            foreach (var page in ocr.Read(input.Bytes, scans, cancellationToken))
            {
                if (page.Text is { } text && text.Trim().Length > 0)
                {
                    texts[page.Page - 1] = SourceText.Clean(text);
                    ocrPages.Add(page.Page);
                }
                else
                {
                    ocrProblems.Add($"page {page.Page}: {page.Problem ?? "no text recognised"}");
                }
            }
        }

        var body = string.Join("\n\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
        if (legacy is null)
        {
            var (repaired, found) = LegacyVietnamese.Repair(body);
            if (found is not null)
            {
                body = repaired;
                legacy = LegacyVietnamese.Name(found.Value);
            }
        }

        body = SourceText.Clean(body);
        var unread = scans.Except(ocrPages).ToList();
        if (body.Trim().Length == 0)
        {
            return unread.Count > 0 && !ocr.Available
                ? Refuse(SourceState.ScanWithoutOcr, $"{pageCount} page(s), {unread.Count} scanned; no OCR available: {ocr.Unavailable}", unread)
                : unread.Count > 0
                    ? Refuse(SourceState.Error, $"OCR read nothing: {string.Join("; ", ocrProblems)}", unread)
                    : Refuse(SourceState.Error, "no text in the PDF (no letters, no scanned image)");
        }

        var title = Title(document.Information.Title, body);
        var published = CreationDate(document.Information.CreationDate);
        var source = new SourceDocument(DocumentIds.FromPath(input.RelativePath), title, body, "", published, null, "", input.RelativePath);
        SourceStatus status;
        if (unread.Count > 0 && !ocr.Available)
        {
            status = new SourceStatus(SourceState.ScanWithoutOcr, $"text of {pageCount - unread.Count} page(s) indexed; scanned page(s) not read, no OCR available: {ocr.Unavailable}", legacy ?? "", unread, "pdf");
        }
        else if (ocrPages.Count > 0)
        {
            var reason = ocrProblems.Count > 0 ? $"OCR'd; not read: {string.Join("; ", ocrProblems)}" : "text of scanned pages read by OCR (less reliable)";
            status = new SourceStatus(SourceState.Ocr, reason, legacy ?? "", ocrPages, "pdf");
        }
        else if (legacy is not null)
        {
            status = new SourceStatus(SourceState.LegacyEncoding, "", legacy, Format: "pdf");
        }
        else
        {
            status = new SourceStatus(SourceState.Ok, ocrProblems.Count > 0 ? string.Join("; ", ocrProblems) : "", Format: "pdf", Pages: unread.Count > 0 ? unread : null);
        }

        return new SourceExtraction(source, status);
    }

    /// <summary>A page's text in reading order; decoded when most of its letters are in a legacy font.</summary>
    private static (string Text, string? Encoding) PageText(Page page)
    {
        var text = ContentOrderTextExtractor.GetText(page, new ContentOrderTextExtractor.Options { ReplaceWhitespaceWithSpace = true, SeparateParagraphsWithDoubleNewline = true });
        var fonts = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => l.FontName ?? "").OrderByDescending(g => g.Count()).First();
        if (LegacyVietnamese.FromFontName(fonts.Key, out var capitals) is { } encoding && fonts.Count() * 2 > page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            return (LegacyVietnamese.DecodeChars(text, encoding, capitals), LegacyVietnamese.Name(encoding));
        }

        return (text, null);
    }

    private static string Title(string? information, string body)
    {
        var title = (information ?? "").Trim();
        if (title.Length > 0 && !title.StartsWith("Microsoft Word", StringComparison.OrdinalIgnoreCase) && !FileName().IsMatch(title)
            && !title.Contains('\uFFFD'))
        {
            return SourceText.Clean(title);
        }

        return TitleGuess.FromBody(body);
    }

    /// <summary>"D:20190109090700+07'00'": the instant; a date without zone is Hanoi time.</summary>
    internal static DateTimeOffset? CreationDate(string? raw)
    {
        var m = PdfDate().Match(raw ?? "");
        if (!m.Success)
        {
            return null;
        }

        int Part(string name, int fallback) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var year = Part("y", 0);
        var month = Part("m", 1);
        var day = Part("d", 1);
        var hour = Part("h", 0);
        var minute = Part("min", 0);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return null;
        }

        if (m.Groups["z"].Success && m.Groups["z"].Value is "+" or "-")
        {
            var offset = new TimeSpan(Part("zh", 0), Part("zm", 0), 0);
            return new DateTimeOffset(year, month, day, hour, minute, 0, m.Groups["z"].Value == "-" ? -offset : offset);
        }

        if (m.Groups["z"].Success && m.Groups["z"].Value == "Z")
        {
            return new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        }

        return HanoiTime.At(year, month, day, hour, minute);
    }

    /// <summary>
    /// Inflates every compressed stream that is not an image, counting the bytes: beyond the limit it is
    /// a PDF bomb, refused before the parser inflates it into memory.
    /// </summary>
    internal static string? BombCheck(byte[] pdf, ReaderLimits limits)
    {
        var total = 0L;
        var position = 0;
        var buffer = new byte[1 << 16];
        while (position < pdf.Length)
        {
            var found = pdf.AsSpan(position).IndexOf("stream"u8);
            if (found < 0)
            {
                break;
            }

            var keyword = position + found;
            position = keyword + 6;
            if (keyword >= 3 && pdf.AsSpan(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }

            var start = position;
            if (start < pdf.Length && pdf[start] == '\r')
            {
                start++;
            }

            if (start < pdf.Length && pdf[start] == '\n')
            {
                start++;
            }
            else if (start == position)
            {
                continue;
            }

            var dictionary = Encoding.Latin1.GetString(pdf, Math.Max(0, keyword - 600), Math.Min(600, keyword));
            var objectStart = dictionary.LastIndexOf(" obj", StringComparison.Ordinal);
            if (objectStart >= 0)
            {
                dictionary = dictionary[objectStart..];
            }

            var end = pdf.AsSpan(start).IndexOf("endstream"u8);
            if (end < 0)
            {
                break;
            }

            position = start + end + 9;
            if (!dictionary.Contains("/FlateDecode", StringComparison.Ordinal) && !dictionary.Contains("/Fl ", StringComparison.Ordinal)
                || dictionary.Contains("/Image", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var inflater = new ZLibStream(new MemoryStream(pdf, start, end), CompressionMode.Decompress);
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limits.MaxUnpackedBytes)
                    {
                        return $"a PDF bomb: its compressed streams inflate to over {limits.MaxUnpackedBytes:N0} bytes (Archive:Readers:MaxUnpackedBytes) from a {pdf.Length:N0}-byte file";
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A stream that is not zlib data (or is damaged): the parser decides.
            }
        }

        return null;
    }

    private static SourceExtraction Refuse(SourceState state, string reason, IReadOnlyList<int>? pages = null) =>
        SourceExtraction.Refused(new SourceStatus(state, reason, Pages: pages, Format: "pdf"));

    [GeneratedRegex(@"^D?:?(?<y>\d{4})(?<m>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<min>\d{2})?(?<s>\d{2})?(?:(?<z>[Zz+\-])(?:(?<zh>\d{2})'?(?<zm>\d{2})?'?)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex PdfDate();

    [GeneratedRegex(@"\.(?:docx?|pdf|xlsx?|tmp)$|^[A-Za-z]:\\", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
