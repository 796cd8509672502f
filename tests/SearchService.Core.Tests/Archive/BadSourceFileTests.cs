using System.IO.Compression;
using System.Text;
using SearchService.Core.Archive;
using SearchService.Core.Archive.Readers;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using S = SearchService.Tests.Shared.PortalSamples;

namespace SearchService.Core.Tests.Archive;

/// <summary>Files that must be refused with their reason, and never crash or stall a sync.</summary>
public sealed class BadSourceFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(TestPaths.SampleArchive, S.Folder, name));

    private static SourceReadResult Read(byte[] bytes, string name, ReaderLimits? limits = null, string contentType = "") =>
        new ArchiveReader(long.MaxValue, limits).ReadBytes(bytes, name, contentType, Ct);

    private static void AssertRefused(SourceReadResult result, SourceState state, string reason)
    {
        Assert.Empty(result.Documents);
        Assert.Equal(state, result.Status.State);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(result.Error, result.Status.Reason);
    }

    /// <summary>A PDF of <paramref name="pages"/> pages with a line of text each.</summary>
    internal static byte[] TextPdf(int pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= pages; i++)
        {
            builder.AddPage(PageSize.A4).AddText($"Trang {i}", 12, new PdfPoint(50, 700), font);
        }

        return builder.Build();
    }

    /// <summary>A PDF whose content stream is <paramref name="inflated"/> bytes that deflate to almost nothing.</summary>
    internal static byte[] PdfBomb(int inflated)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var left = inflated; left > 0; left -= spaces.Length)
            {
                zlib.Write(spaces, 0, Math.Min(left, spaces.Length));
            }
        }

        var stream = compressed.ToArray();
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        Write("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        Write("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n");
        Write($"4 0 obj << /Length {stream.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(stream);
        Write("\nendstream\nendobj\ntrailer << /Root 1 0 R /Size 5 >>\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A valid DOCX with one more part of <paramref name="inflated"/> zero bytes, deflated.</summary>
    internal static byte[] DocxBomb(int inflated)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Sample("giang-vo-2020-cai-cach-hanh-chinh.docx"));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var left = inflated; left > 0; left -= zeros.Length)
            {
                part.Write(zeros, 0, Math.Min(left, zeros.Length));
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Pdf_Bomb_RefusedBeforeItIsInflated()
    {
        var bomb = PdfBomb(64 << 20);
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes");

        var result = Read(bomb, "bomb.pdf", new ReaderLimits { MaxUnpackedBytes = 16 << 20 });

        AssertRefused(result, SourceState.Error, "a PDF bomb");
    }

    [Fact]
    public void Docx_ZipBomb_Refused()
    {
        var result = Read(DocxBomb(64 << 20), "bomb.docx");

        AssertRefused(result, SourceState.Error, "a zip bomb");
    }

    [Fact]
    public void Docx_OverTheUnpackedLimit_Refused()
    {
        var result = Read(DocxBomb(4 << 20), "big.docx", new ReaderLimits { MaxUnpackedBytes = 1 << 20, MaxCompressionRatio = int.MaxValue });

        AssertRefused(result, SourceState.Error, "over the 1,048,576-byte limit");
    }

    [Fact]
    public void Pdf_PasswordProtected_Encrypted()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "tests", "SearchService.Core.Tests", "Archive", "Files", "encrypted.pdf"));

        var result = Read(bytes, "encrypted.pdf");

        AssertRefused(result, SourceState.Encrypted, "password-protected");
    }

    [Fact]
    public void Office_PasswordProtected_Encrypted()
    {
        // An encrypted DOCX is an OLE2 compound file with an "EncryptedPackage" stream.
        var bytes = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 512);

        var result = Read(bytes, "bao-cao.docx");

        AssertRefused(result, SourceState.Encrypted, "password-protected");
    }

    [Fact]
    public void Pdf_Truncated_Refused()
    {
        var bytes = Sample("truc-bach-2018-trat-tu-do-thi.pdf");

        var result = Read(bytes[..(bytes.Length / 2)], "cut.pdf");

        AssertRefused(result, SourceState.Error, "cut short");
    }

    [Fact]
    public void Docx_Truncated_Refused()
    {
        var bytes = Sample("giang-vo-2020-cai-cach-hanh-chinh.docx");

        var result = Read(bytes[..(bytes.Length * 2 / 3)], "cut.docx");

        AssertRefused(result, SourceState.Error, "not a readable Word document");
    }

    [Fact]
    public void Pdf_OverThePageLimit_Refused()
    {
        var result = Read(TextPdf(3), "long.pdf", new ReaderLimits { MaxPages = 2 });

        AssertRefused(result, SourceState.Error, "3 pages, over the 2-page limit");
    }

    [Fact]
    public void Pdf_WithinThePageLimit_Read()
    {
        var result = Read(TextPdf(2), "short.pdf", new ReaderLimits { MaxPages = 2 });

        Assert.Equal("Trang 1\n\nTrang 2", Assert.Single(result.Documents).Text);
    }

    [Theory]
    [InlineData("giang-vo-2020-cai-cach-hanh-chinh.docx", "bao-cao.pdf", "named '.pdf' but the content is a Word document (DOCX)")]
    [InlineData("truc-bach-2018-trat-tu-do-thi.pdf", "bao-cao.docx", "named '.docx' but the content is a PDF document")]
    [InlineData("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html", "bao-cao.pdf", "named '.pdf' but the content is text")]
    [InlineData("truc-bach-2018-trat-tu-do-thi.pdf", "bao-cao.html", "named '.html' but the content is a PDF document")]
    [InlineData("quan-2006-phong-chay-chua-chay.doc", "bao-cao.docx", "named '.docx' but the content is a Word 97–2003 document (DOC)")]
    public void LyingExtension_Refused(string sample, string name, string reason)
    {
        var result = Read(Sample(sample), name);

        AssertRefused(result, SourceState.Error, reason);
    }

    [Fact]
    public void LyingContentType_Refused()
    {
        var result = Read(Sample("giang-vo-2020-cai-cach-hanh-chinh.docx"), "", contentType: "application/pdf");

        AssertRefused(result, SourceState.Error, "sent as 'application/pdf' but the content is a Word document (DOCX)");
    }

    [Fact]
    public void UnknownExtension_ReadByContent()
    {
        var result = Read(Sample("truc-bach-2018-trat-tu-do-thi.pdf"), "download.aspx");

        Assert.Equal("pdf", result.Status.Format);
        Assert.Single(result.Documents);
    }

    [Fact]
    public void Image_Unsupported()
    {
        var result = Read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "anh.png");

        AssertRefused(result, SourceState.Unsupported, "a PNG image");
    }

    [Fact]
    public void Sync_FolderOfBadFiles_SkipsEachWithItsReasonAndIndexesTheRest()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllBytes(Path.Combine(root, "bomb.pdf"), PdfBomb(300 << 20));
        File.WriteAllBytes(Path.Combine(root, "bomb.docx"), DocxBomb(64 << 20));
        File.WriteAllBytes(Path.Combine(root, "cut.pdf"), Sample("truc-bach-2018-trat-tu-do-thi.pdf")[..5000]);
        File.WriteAllBytes(Path.Combine(root, "lie.pdf"), Sample("giang-vo-2020-cai-cach-hanh-chinh.docx"));
        File.WriteAllBytes(Path.Combine(root, "good.pdf"), Sample("truc-bach-2018-trat-tu-do-thi.pdf"));
        using var index = new Indexing.TestIndex(root);

        var report = index.Sync();

        Assert.Equal(1, report.DocumentsIndexed);
        Assert.Equal(["bomb.docx", "bomb.pdf", "cut.pdf", "lie.pdf"], report.Skipped.Select(s => s.SourcePath));
        var statistics = SearchService.Core.Indexing.IndexStatistics.Read(index.Store);
        Assert.Equal(
            ["bomb.docx: error", "bomb.pdf: error", "cut.pdf: error", "good.pdf: ok", "lie.pdf: error"],
            statistics.Sources.Select(s => $"{s.SourcePath}: {SourceStatus.Name(s.Status.State)}"));
    }
}
