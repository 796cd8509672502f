using System.Text;
using System.Text.RegularExpressions;
using SearchService.Core.Archive;
using SearchService.Core.Archive.Readers;
using SearchService.Core.Documents;
using SearchService.Tests.Shared;
using S = SearchService.Tests.Shared.PortalSamples;

namespace SearchService.Core.Tests.Archive;

/// <summary>The portal files of the sample archive (index-data/archive/ba-dinh), read by the archive's readers.</summary>
public sealed partial class PortalFileReaderTests(PortalArchiveIndex portal) : IClassFixture<PortalArchiveIndex>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Folder => Path.Combine(TestPaths.SampleArchive, S.Folder);

    private static SourceReadResult Read(string name, ReaderLimits? limits = null)
    {
        var file = ArchiveFile.List(Folder).Single(f => f.RelativePath == name);
        return new ArchiveReader(long.MaxValue, limits).Read(file, Ct);
    }

    private static SourceDocument Single(SourceReadResult result)
    {
        Assert.Null(result.Error);
        var document = Assert.Single(result.Documents);
        Assert.True(document.Text.IsNormalized(NormalizationForm.FormC));
        Assert.True(document.Title.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\r', document.Text);
        return document;
    }

    // PDF and OCR text breaks lines where the page did: compare words.
    private static string Words(string text) => Spaces().Replace(text, " ").Trim();

    private static string Paragraphs(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    [Fact]
    public void Html_OlderLiferayPortal_TitleDateViewsSectionAndBody()
    {
        var document = Single(Read("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html"));

        Assert.Equal("ngoc-ha-2019-phong-chong-sot-xuat-huyet", document.Id);
        Assert.Equal(S.NgocHaTitle, document.Title);
        Assert.Equal(HanoiTime.At(2019, 6, 14, 8, 45), document.PublishedAt);
        Assert.Equal(1327, document.ViewCount);
        Assert.Equal("Tin hoạt động", document.Category);
        Assert.StartsWith(Paragraphs(S.NgocHaBody) + "\n\nTệp đính kèm: ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf\n\n", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_PortalAnatomy_AuthorPhotoAndMenusAreNotText()
    {
        var text = Single(Read("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html")).Text;

        Assert.DoesNotContain("Tác giả", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ảnh:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang chủ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản quyền", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lượt xem", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_PageWithAttachmentOfSameName_ReportHoldsThePdfText()
    {
        var result = Read("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html");

        var text = Single(result).Text;
        Assert.Contains(Words(string.Join(" ", S.NgocHaPlan)), Words(text), StringComparison.Ordinal);
        Assert.Equal(["ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf"], result.Attachments);
        Assert.Equal(SourceState.Ok, result.Status.State);
    }

    [Fact]
    public void Attachment_ReadAlone_GivesItsPagesReportAndItsOwnStatus()
    {
        var page = Read("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html");
        var attachment = Read("ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf");

        Assert.Equal("ngoc-ha-2019-phong-chong-sot-xuat-huyet.html", attachment.AttachedTo);
        Assert.Equal("pdf", attachment.Status.Format);
        Assert.Equal(Single(page), Single(attachment));
    }

    [Fact]
    public void Html_NewerPortalCms_TimeViewsAndLinkedDocxWithItsTable()
    {
        var result = Read("kim-ma-2023-an-toan-thuc-pham.html");

        var document = Single(result);
        Assert.Equal(S.KimMaTitle, document.Title);
        Assert.Equal(HanoiTime.At(2023, 4, 20, 9, 15), document.PublishedAt);
        Assert.Equal(856, document.ViewCount);
        Assert.Equal("Tin tức - Sự kiện", document.Category);
        Assert.Equal("https://kimma.badinh.hanoi.gov.vn/tin-tuc/ra-quan-thang-hanh-dong-an-toan-thuc-pham-2023", document.Url);
        Assert.StartsWith(Paragraphs(S.KimMaBody) + $"\n\nTệp đính kèm: {S.KimMaPlanName}\n\n", document.Text, StringComparison.Ordinal);
        foreach (var row in S.KimMaPlanTable)
        {
            Assert.Contains("\n" + string.Join(" | ", row) + "\n", document.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Hồng Nhung", document.Text, StringComparison.Ordinal);
        Assert.Equal([S.KimMaPlanName], result.Attachments);
    }

    [Fact]
    public void Html_UnknownLayout_ReadabilityKeepsTheArticleOnly()
    {
        var result = Read("lieu-giai-2022-ngay-hoi-dai-doan-ket.html");

        var document = Single(result);
        Assert.Equal(S.LieuGiaiTitle, document.Title);
        Assert.Equal(HanoiTime.At(2022, 11, 15, 16, 20), document.PublishedAt);
        Assert.Equal(Paragraphs(S.LieuGiaiBody), document.Text);
        Assert.Contains("readability", result.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Windows1258Page_DecodedToTheSourceText()
    {
        var result = Read("dien-bien-2014-tong-ket-dan-so.html");

        var document = Single(result);
        Assert.Equal(S.DienBienTitle, document.Title);
        Assert.Equal(Paragraphs(S.DienBienBody), document.Text);
        Assert.Equal(SourceState.LegacyEncoding, result.Status.State);
        Assert.Equal("windows-1258", result.Status.Encoding);
    }

    [Fact]
    public void Html_LegacyFontInStyle_TextUnderItIsDecoded()
    {
        var tcvn3 = Encoding.Latin1.GetString(LegacyVietnamese.Encode(S.DoiCanBody[0], LegacyEncoding.Tcvn3)!);
        var html = $"<html><head><meta charset=\"windows-1252\"></head><body><div class=\"journal-content-article\"><h1>Tin</h1>"
            + $"<p style=\"font-family: .VnTime; font-size: 13pt\">{tcvn3}</p><p>Hà N&#7897;i, ngày 12 tháng 3</p></div></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var result = ArchiveReader.Parse(bytes, "a.html", ".html");

        Assert.Equal(S.DoiCanBody[0] + "\n\nHà Nội, ngày 12 tháng 3", Single(result).Text);
        Assert.Equal("TCVN3", result.Status.Encoding);
    }

    [Fact]
    public void Html_WordExportWithVniStyleRule_DecodedWhereTheRuleApplies()
    {
        var vni = Encoding.Latin1.GetString(LegacyVietnamese.Encode(S.CongViBody[0], LegacyEncoding.Vni)!);
        var html = "<html><head><meta charset=\"windows-1252\"><style>\n@font-face { font-family: \"VNI-Times\"; }\n"
            + "p.MsoNormal, li.MsoNormal { margin: 0; font-family: \"VNI-Times\"; }\n.en { font-family: Arial }</style></head>"
            + $"<body><div class=\"journal-content-article\"><h1>Tin</h1><p class=\"MsoNormal\">{vni}</p><p class=\"en\">Résumé</p></div></body></html>";

        var result = ArchiveReader.Parse(Encoding.GetEncoding(1252).GetBytes(html), "a.html", ".html");

        Assert.Equal(S.CongViBody[0] + "\n\nRésumé", Single(result).Text);
        Assert.Equal("VNI", result.Status.Encoding);
    }

    [Fact]
    public void Pdf_TextLayer_WordsTitleAndDateOfTheDocument()
    {
        var result = Read("truc-bach-2018-trat-tu-do-thi.pdf");

        var document = Single(result);
        Assert.Equal(S.TrucBachTitle, document.Title);
        Assert.Equal(new DateTimeOffset(2018, 10, 5, 15, 0, 0, TimeSpan.FromHours(7)), document.PublishedAt);
        Assert.Equal(Words(string.Join(" ", [S.TrucBachTitle, .. S.TrucBachBody])), Words(document.Text));
        Assert.Equal(SourceState.Ok, result.Status.State);
    }

    [Fact]
    public void Pdf_ScanWithoutOcr_ReportedWithItsPagesNeverIndexedEmpty()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "phuc-xa-2021-quyet-dinh-125.pdf"));

        var result = new ArchiveReader(long.MaxValue, new ReaderLimits { Ocr = false }).ReadBytes(bytes, "scan.pdf", cancellationToken: Ct);

        Assert.Equal(SourceState.ScanWithoutOcr, result.Status.State);
        Assert.Equal([1], result.Status.Pages);
        Assert.Contains("OCR is turned off", result.Status.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Documents);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Page_WithScanAttachmentWithoutOcr_KeepsItsOwnTextAndSaysSo()
    {
        var result = Read("phuc-xa-2021-quyet-dinh-125.html", new ReaderLimits { Ocr = false });

        var document = Single(result);
        Assert.Contains("125/QĐ-UBND", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tệp đính kèm", document.Text, StringComparison.Ordinal);
        Assert.Contains("phuc-xa-2021-quyet-dinh-125.pdf not read: scan-without-ocr", result.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Scan_ReadByOcrAndMarked()
    {
        var ocr = new OcrEngine(new ReaderLimits());
        Assert.SkipUnless(ocr.Available, $"OCR test skipped: {ocr.Unavailable}");

        var result = Read("phuc-xa-2021-quyet-dinh-125.pdf");

        Assert.Equal(SourceState.Ocr, result.Status.State);
        Assert.Equal([1], result.Status.Pages);
        var page = Single(result);
        var text = Words(page.Text);
        // OCR is less reliable than a text layer: most words, not all, must come back exactly.
        var words = Words(string.Join(" ", S.PhucXaScan)).Split(' ');
        var found = words.Count(w => text.Contains(w, StringComparison.Ordinal));
        Assert.True(found >= words.Length * 0.9, $"{found} of {words.Length} words recognised: {text}");
        Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_ParagraphsCorePropertiesAndNoExtraText()
    {
        var result = Read("giang-vo-2020-cai-cach-hanh-chinh.docx");

        var document = Single(result);
        Assert.Equal(S.GiangVoTitle, document.Title);
        Assert.Equal(new DateTimeOffset(2020, 12, 18, 3, 0, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Equal(string.Join("\n", S.GiangVoBody), document.Text);
    }

    [Fact]
    public void Docx_LegacyFontRuns_Tcvn3CapitalsAndVniDecoded()
    {
        var result = Read("quan-2009-tong-ket-thi-dua.docx");

        var document = Single(result);
        var expected = string.Join("\n", [S.QuanHeading.ToUpperInvariant(), S.QuanTitle, .. S.QuanTcvn3Body, S.QuanVniBody]);
        Assert.Equal(expected, document.Text);
        Assert.Equal(S.QuanTitle, document.Title);
        Assert.Equal(SourceState.LegacyEncoding, result.Status.State);
        Assert.Equal("TCVN3, VNI", result.Status.Encoding);
    }

    [Theory]
    [InlineData("doi-can-2008-phat-dong-phong-trao.txt", "TCVN3")]
    [InlineData("cong-vi-2007-quy-uoc-khu-dan-cu.txt", "VNI")]
    public void PortalText_LegacyEncodedFile_DecodedToTheSourceText(string name, string encoding)
    {
        var result = Read(name);

        var document = Single(result);
        var (title, body) = name.StartsWith("doi-can", StringComparison.Ordinal) ? (S.DoiCanTitle, S.DoiCanBody) : (S.CongViTitle, S.CongViBody);
        Assert.Equal(title, document.Title);
        Assert.Equal(Paragraphs(body), document.Text);
        Assert.Equal(encoding, result.Status.Encoding);
    }

    [Fact]
    public void Doc_ReadByAntiword()
    {
        Assert.SkipUnless(new DocReader(new ReaderLimits()).Available, "DOC test skipped: antiword is not installed (apt-get install antiword)");

        var result = Read("quan-2006-phong-chay-chua-chay.doc");

        var document = Single(result);
        Assert.Equal(S.QuanDocTitle, document.Title);
        Assert.Equal(Words(string.Join(" ", ["ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", S.QuanDocTitle, .. S.QuanDocBody])), Words(document.Text));
    }

    [Fact]
    public void Doc_WithoutAntiword_UnsupportedWithTheReason()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        var result = Read("quan-2006-phong-chay-chua-chay.doc", new ReaderLimits { ProgramsPath = empty });

        Assert.Equal(SourceState.Unsupported, result.Status.State);
        Assert.Contains("antiword is not installed", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phong trào toàn dân", "ba-dinh/doi-can-2008-phat-dong-phong-trao")]
    [InlineData("quy ước khu dân cư", "ba-dinh/cong-vi-2007-quy-uoc-khu-dan-cu")]
    [InlineData("cộng tác viên dân số", "ba-dinh/dien-bien-2014-tong-ket-dan-so")]
    [InlineData("giấy khen", "ba-dinh/quan-2009-tong-ket-thi-dua")]
    [InlineData("lấn chiếm vỉa hè", "ba-dinh/truc-bach-2018-trat-tu-do-thi")]
    [InlineData("bọ gậy", "ba-dinh/ngoc-ha-2019-phong-chong-sot-xuat-huyet")]
    public void Search_DecodedReports_SnippetsPointAtTheWords(string words, string id)
    {
        var index = portal.Index;

        var hit = Assert.Single(index.Engine.Search(SearchService.Core.Search.SearchQuery.For($"\"{words}\""), Ct).Hits, h => h.Document.Id == id);

        var text = index.Engine.GetDocument(id).Text;
        Assert.NotEmpty(hit.Snippets);
        foreach (var snippet in hit.Snippets)
        {
            Assert.Equal(snippet.Text, text.Substring(snippet.DocumentOffset, snippet.Text.Length).Replace('\n', ' '));
            Assert.Contains(snippet.Highlights, h => words.Split(' ').Contains(snippet.Text[h.Start..h.End], StringComparer.Ordinal));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>The portal files alone, under their folder name, in an archive and index of their own (synced once: OCR takes seconds).</summary>
public sealed class PortalArchiveIndex : IDisposable
{
    public PortalArchiveIndex()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var target = Directory.CreateDirectory(Path.Combine(root, S.Folder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.SampleArchive, S.Folder)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        Index = new Indexing.TestIndex(root);
        Index.Sync();
    }

    internal Indexing.TestIndex Index { get; }

    public void Dispose() => Index.Dispose();
}
