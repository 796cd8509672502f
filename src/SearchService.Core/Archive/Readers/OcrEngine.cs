namespace SearchService.Core.Archive.Readers;

/// <summary>
/// OCR of scanned PDF pages: each page rendered by <c>pdftoppm</c> (poppler-utils) and read by
/// <c>tesseract</c> with its Vietnamese model (tesseract-ocr-vie), both run as processes with a timeout
/// per page. Available only when both programs and the language data are installed.
/// </summary>
public sealed class OcrEngine
{
    private readonly ReaderLimits _limits;
    private readonly string? _tesseract;
    private readonly string? _pdftoppm;

    public OcrEngine(ReaderLimits limits)
    {
        _limits = limits;
        var folder = string.IsNullOrWhiteSpace(limits.ProgramsPath) ? null : limits.ProgramsPath;
        _tesseract = ExternalProgram.Find("tesseract", folder);
        _pdftoppm = ExternalProgram.Find("pdftoppm", folder);
        Unavailable = !limits.Ocr ? "OCR is turned off (Archive:Readers:Ocr)"
            : _tesseract is null ? "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)"
            : _pdftoppm is null ? "pdftoppm is not installed (apt-get install poppler-utils)"
            : !HasLanguages(_tesseract, limits.OcrLanguages) ? $"tesseract has no '{limits.OcrLanguages}' model (apt-get install tesseract-ocr-vie)"
            : null;
    }

    /// <summary>Why OCR cannot run here, or null when it can.</summary>
    public string? Unavailable { get; }

    public bool Available => Unavailable is null;

    /// <summary>The text of one page, or the reason it could not be read.</summary>
    public sealed record PageText(int Page, string? Text, string? Problem);

    /// <summary>Reads the given pages (from 1) of a PDF, within the per-page and per-document time limits.</summary>
    public IReadOnlyList<PageText> Read(byte[] pdf, IReadOnlyList<int> pages, CancellationToken cancellationToken)
    {
        if (!Available)
        {
            return pages.Select(p => new PageText(p, null, Unavailable)).ToList();
        }

        var folder = Directory.CreateTempSubdirectory("searchservice-ocr-").FullName;
        var results = new List<PageText>();
        var budget = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var input = Path.Combine(folder, "source.pdf");
            File.WriteAllBytes(input, pdf);
            var perPage = TimeSpan.FromSeconds(_limits.OcrSecondsPerPage);
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (budget.Elapsed.TotalSeconds >= _limits.OcrSecondsPerDocument)
                {
                    results.Add(new PageText(page, null, $"over the {_limits.OcrSecondsPerDocument} s of OCR a document may take (Archive:Readers:OcrSecondsPerDocument)"));
                    continue;
                }

                results.Add(ReadPage(input, folder, page, perPage, cancellationToken));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }

        return results;
    }

    private PageText ReadPage(string input, string folder, int page, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var prefix = Path.Combine(folder, $"page-{page}");
        var render = ExternalProgram.Run(_pdftoppm!, ["-f", $"{page}", "-l", $"{page}", "-r", $"{_limits.OcrDpi}", "-gray", "-png", "-singlefile", input, prefix], timeout, cancellationToken);
        if (render.TimedOut)
        {
            return new PageText(page, null, $"rendering took over {timeout.TotalSeconds:F0} s (Archive:Readers:OcrSecondsPerPage)");
        }

        var image = prefix + ".png";
        if (render.ExitCode != 0 || !File.Exists(image))
        {
            return new PageText(page, null, $"pdftoppm failed: {FirstLine(render.Errors)}");
        }

        var left = timeout - clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return new PageText(page, null, $"over {timeout.TotalSeconds:F0} s (Archive:Readers:OcrSecondsPerPage)");
        }

        // One thread per tesseract: the sync already reads files in parallel.
        var recognise = ExternalProgram.Run(_tesseract!, [image, "stdout", "-l", _limits.OcrLanguages, "--psm", "3"], left, cancellationToken, "OMP_THREAD_LIMIT", "1");
        File.Delete(image);
        if (recognise.TimedOut)
        {
            return new PageText(page, null, $"OCR took over {timeout.TotalSeconds:F0} s (Archive:Readers:OcrSecondsPerPage)");
        }

        return recognise.ExitCode != 0
            ? new PageText(page, null, $"tesseract failed: {FirstLine(recognise.Errors)}")
            : new PageText(page, recognise.Output, null);
    }

    private static bool HasLanguages(string tesseract, string languages)
    {
        try
        {
            var list = ExternalProgram.Run(tesseract, ["--list-langs"], TimeSpan.FromSeconds(20), CancellationToken.None);
            var installed = (list.Output + "\n" + list.Errors).Split('\n', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            return languages.Split('+').All(installed.Contains);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return false;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
