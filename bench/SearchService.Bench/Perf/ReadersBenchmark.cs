using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using SearchService.Core.Archive;
using SearchService.Core.Archive.Readers;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SearchService.Bench.Perf;

/// <summary>
/// The source readers on the sample portal files (index-data/archive/ba-dinh): documents/s and MB/s for
/// HTML pages and for PDFs with a text layer, pages/s for OCR; each beside a plain baseline (AngleSharp's
/// body text; PdfPig's page text; pdftoppm + tesseract run by hand). Medians of several passes, one thread.
/// Usage: readers [passes=5] [ocr-passes=3].
/// </summary>
internal sealed class ReadersBenchmark : IBenchmark
{
    public string Name => "readers";

    public string Description => "HTML, text-layer PDF and OCR readers: docs/s, MB/s, pages/s beside plain baselines; args: [passes=5] [ocr-passes=3]";

    public int Run(string[] args)
    {
        var passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var ocrPasses = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine(Machine.Describe());
        var folder = Path.Combine(FindRoot(), "index-data", "archive", "ba-dinh");
        var reader = new ArchiveReader(long.MaxValue, new ReaderLimits { Ocr = false });

        // HTML: the five sample pages (both generations, readability, windows-1258), 40 times over.
        var pages = Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToList();
        var htmlSet = Enumerable.Repeat(pages, 40).SelectMany(p => p).ToList();
        Report("HTML pages (ArchiveReader)", htmlSet.Count, htmlSet.Sum(p => p.Bytes.Length), passes,
            () => htmlSet.ForEach(p => reader.ReadBytes(p.Bytes, p.Name)));
        var parser = new HtmlParser();
        Report("  baseline: AngleSharp body text", htmlSet.Count, htmlSet.Sum(p => p.Bytes.Length), passes,
            () => htmlSet.ForEach(p => _ = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(p.Bytes)).Body?.TextContent));

        // PDF text layer: the two sample PDFs and a 30-page report made of their text.
        var pdfs = new List<(string Name, byte[] Bytes, int Pages)>
        {
            ("truc-bach-2018-trat-tu-do-thi.pdf", File.ReadAllBytes(Path.Combine(folder, "truc-bach-2018-trat-tu-do-thi.pdf")), 1),
            ("ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf", File.ReadAllBytes(Path.Combine(folder, "ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf")), 1),
            ("long.pdf", LongPdf(30), 30),
        };
        var pdfSet = Enumerable.Repeat(pdfs, 10).SelectMany(p => p).ToList();
        Console.WriteLine($"PDF set: {pdfSet.Count} documents, {pdfSet.Sum(p => p.Pages)} pages");
        Report("text-layer PDFs (ArchiveReader)", pdfSet.Count, pdfSet.Sum(p => p.Bytes.Length), passes,
            () => pdfSet.ForEach(p => reader.ReadBytes(p.Bytes, p.Name)));
        Report("  baseline: PdfPig page.Text", pdfSet.Count, pdfSet.Sum(p => p.Bytes.Length), passes, () => pdfSet.ForEach(p =>
        {
            using var document = PdfDocument.Open(p.Bytes);
            foreach (var page in document.GetPages())
            {
                _ = page.Text;
            }
        }));

        // OCR: the scanned page, through the reader, and the two programs run by hand.
        var ocr = new OcrEngine(new ReaderLimits());
        if (!ocr.Available)
        {
            Console.WriteLine($"OCR not measured: {ocr.Unavailable}");
            return 0;
        }

        var scan = File.ReadAllBytes(Path.Combine(folder, "phuc-xa-2021-quyet-dinh-125.pdf"));
        var ocrReader = new ArchiveReader(long.MaxValue, new ReaderLimits());
        ReportPages("OCR pages (ArchiveReader, 300 dpi)", 1, ocrPasses, () => ocrReader.ReadBytes(scan, "scan.pdf"));
        ReportPages("  baseline: pdftoppm + tesseract by hand", 1, ocrPasses, () => ByHand(scan));
        return 0;
    }

    private static void Report(string name, int documents, long bytes, int passes, Action pass)
    {
        pass();
        var seconds = MedianSeconds(passes, pass);
        Console.WriteLine($"{name,-42} {documents / seconds,10:N0} docs/s {bytes / 1e6 / seconds,8:N1} MB/s   ({documents} docs, {bytes / 1e6:N2} MB, median of {passes})");
    }

    // OCR takes seconds a page: no warm-up pass.
    private static void ReportPages(string name, int pages, int passes, Action pass)
    {
        var seconds = MedianSeconds(passes, pass);
        Console.WriteLine($"{name,-42} {pages / seconds,10:N2} pages/s ({seconds:N2} s a page, median of {passes})");
    }

    private static double MedianSeconds(int passes, Action pass)
    {
        var times = new List<double>();
        for (var i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return Stats.Median(times);
    }

    private static void ByHand(byte[] scan)
    {
        var folder = Directory.CreateTempSubdirectory("bench-ocr-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "scan.pdf");
            File.WriteAllBytes(pdf, scan);
            Run("pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, Path.Combine(folder, "page"));
            Run("tesseract", Path.Combine(folder, "page.png"), "stdout", "-l", "vie");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    /// <summary>A long report with a text layer: the sample texts over <paramref name="pages"/> pages.</summary>
    private static byte[] LongPdf(int pages)
    {
        const string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
        var builder = new PdfDocumentBuilder();
        var font = File.Exists(dejavu)
            ? builder.AddTrueTypeFont(File.ReadAllBytes(dejavu))
            : builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var lines = Tests.Shared.PortalSamples.TrucBachBody.Concat(Tests.Shared.PortalSamples.NgocHaPlan)
            .SelectMany(p => Chunk(File.Exists(dejavu) ? p : RemoveMarks(p), 80)).ToList();
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            for (var l = 0; l < 45; l++)
            {
                page.AddText(lines[(i * 45 + l) % lines.Count], 11, new PdfPoint(60, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    private static IEnumerable<string> Chunk(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static string RemoveMarks(string text) => Core.Text.VietnameseText.Fold(text);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SearchService.sln not found");
    }
}
