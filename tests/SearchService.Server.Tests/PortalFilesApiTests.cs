using Google.Protobuf;
using SearchService.Api.V1;
using DocReader = SearchService.Core.Archive.Readers.DocReader;
using OcrEngine = SearchService.Core.Archive.Readers.OcrEngine;
using ReaderLimits = SearchService.Core.Archive.Readers.ReaderLimits;
using S = SearchService.Tests.Shared.PortalSamples;

namespace SearchService.Server.Tests;

/// <summary>Where the repository's sample portal files are.</summary>
internal static class PortalFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepoRoot, "index-data", "archive", S.Folder);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static byte[] Encrypted => File.ReadAllBytes(Path.Combine(RepoRoot, "tests", "SearchService.Core.Tests", "Archive", "Files", "encrypted.pdf"));

    /// <summary>The portal files under ba-dinh/, and bad files under bad/.</summary>
    public static string MixedArchive()
    {
        var root = Directory.CreateTempSubdirectory("searchservice-portal-").FullName;
        var portal = Directory.CreateDirectory(Path.Combine(root, S.Folder)).FullName;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            File.Copy(file, Path.Combine(portal, Path.GetFileName(file)));
        }

        var bad = Directory.CreateDirectory(Path.Combine(root, "bad")).FullName;
        File.WriteAllBytes(Path.Combine(bad, "encrypted.pdf"), Encrypted);
        File.WriteAllBytes(Path.Combine(bad, "lie.pdf"), Read("giang-vo-2020-cai-cach-hanh-chinh.docx"));
        File.WriteAllBytes(Path.Combine(bad, "cut.pdf"), Read("truc-bach-2018-trat-tu-do-thi.pdf")[..4000]);
        File.WriteAllBytes(Path.Combine(bad, "anh.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        return root;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SearchService.sln not found above the test binaries");
    }
}

/// <summary>A server over the portal files and bad files, with OCR turned off (so the scan is reported, on every machine).</summary>
public sealed class PortalFilesServerFixture() : ServerFixture(PortalFiles.MixedArchive())
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Archive:Readers:Ocr"] = "false",
    };
}

/// <summary>The archive as portals publish it, synced and ingested over gRPC: every status reported.</summary>
public sealed class PortalFilesApiTests(PortalFilesServerFixture server) : IClassFixture<PortalFilesServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool HasAntiword => new DocReader(new ReaderLimits()).Available;

    private Task<IngestDocumentsResponse> Ingest(params IngestDocumentRequest[] documents) => server.IngestAsync(documents, Ct);

    [Fact]
    public async Task GetIndexStats_MixedFolder_EverySourceWithItsStatus()
    {
        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest { IncludeOkSources = true }, cancellationToken: Ct);

        var doc = HasAntiword ? SourceState.Ok : SourceState.Unsupported;
        var expected = new Dictionary<string, (SourceState State, string Encoding)>
        {
            ["ba-dinh/KH-45-UBND.docx"] = (SourceState.Ok, ""),
            ["ba-dinh/cong-vi-2007-quy-uoc-khu-dan-cu.txt"] = (SourceState.LegacyEncoding, "VNI"),
            ["ba-dinh/dien-bien-2014-tong-ket-dan-so.html"] = (SourceState.LegacyEncoding, "windows-1258"),
            ["ba-dinh/doi-can-2008-phat-dong-phong-trao.txt"] = (SourceState.LegacyEncoding, "TCVN3"),
            ["ba-dinh/giang-vo-2020-cai-cach-hanh-chinh.docx"] = (SourceState.Ok, ""),
            ["ba-dinh/kim-ma-2023-an-toan-thuc-pham.html"] = (SourceState.Ok, ""),
            ["ba-dinh/lieu-giai-2022-ngay-hoi-dai-doan-ket.html"] = (SourceState.Ok, ""),
            ["ba-dinh/ngoc-ha-2019-phong-chong-sot-xuat-huyet.html"] = (SourceState.Ok, ""),
            ["ba-dinh/ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf"] = (SourceState.Ok, ""),
            ["ba-dinh/phuc-xa-2021-quyet-dinh-125.html"] = (SourceState.Ok, ""),
            ["ba-dinh/phuc-xa-2021-quyet-dinh-125.pdf"] = (SourceState.ScanWithoutOcr, ""),
            ["ba-dinh/quan-2006-phong-chay-chua-chay.doc"] = (doc, ""),
            ["ba-dinh/quan-2009-tong-ket-thi-dua.docx"] = (SourceState.LegacyEncoding, "TCVN3, VNI"),
            ["ba-dinh/truc-bach-2018-trat-tu-do-thi.pdf"] = (SourceState.Ok, ""),
            ["bad/anh.png"] = (SourceState.Unsupported, ""),
            ["bad/cut.pdf"] = (SourceState.Error, ""),
            ["bad/encrypted.pdf"] = (SourceState.Encrypted, ""),
            ["bad/lie.pdf"] = (SourceState.Error, ""),
        };
        Assert.Equal(expected.Keys, stats.Sources.Select(s => s.SourcePath));
        Assert.All(stats.Sources, s => Assert.Equal(expected[s.SourcePath], (s.State, s.Encoding)));
        Assert.All(stats.Sources.Where(s => s.State is not SourceState.Ok and not SourceState.LegacyEncoding), s => Assert.NotEmpty(s.Reason));
        var scan = stats.Sources.Single(s => s.SourcePath == "ba-dinh/phuc-xa-2021-quyet-dinh-125.pdf");
        Assert.Equal([1], scan.Pages);
        Assert.Equal("ba-dinh/phuc-xa-2021-quyet-dinh-125.html", scan.AttachedTo);
        Assert.Equal("ba-dinh/kim-ma-2023-an-toan-thuc-pham.html", stats.Sources.Single(s => s.SourcePath == "ba-dinh/KH-45-UBND.docx").AttachedTo);
        Assert.Equal(expected.Values.GroupBy(v => v.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
            stats.SourceStates.Select(c => (c.State, c.Count)));
    }

    [Fact]
    public async Task GetIndexStats_ByDefault_ListsOnlyTheSourcesThatAreNotOk()
    {
        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);

        Assert.DoesNotContain(stats.Sources, s => s.State == SourceState.Ok);
        Assert.Contains(stats.Sources, s => s.SourcePath == "bad/encrypted.pdf" && s.Reason.Contains("password", StringComparison.Ordinal));
        Assert.Contains(stats.SkippedSources, s => s.SourcePath == "bad/lie.pdf" && s.Reason.Contains("not what it claims", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_AttachmentText_FindsThePageReport()
    {
        var response = await server.Search().SearchAsync(new SearchRequest { Query = "\"đội xung kích diệt bọ gậy\"" }, cancellationToken: Ct);

        var hit = Assert.Single(response.Results);
        Assert.Equal("ba-dinh/ngoc-ha-2019-phong-chong-sot-xuat-huyet", hit.Document.Id);
        Assert.Equal(S.NgocHaTitle, hit.Document.Title);
    }

    [Fact]
    public async Task Search_LegacyEncodedReport_FoundByItsUnicodeWords()
    {
        var response = await server.Search().SearchAsync(new SearchRequest { Query = "\"phong trào toàn dân đoàn kết\"" }, cancellationToken: Ct);

        Assert.Contains(response.Results, r => r.Document.Id == "ba-dinh/doi-can-2008-phat-dong-phong-trao");
    }

    [Fact]
    public async Task IngestDocuments_DocxFile_ReadIndexedAndStatusReturned()
    {
        var response = await Ingest(new IngestDocumentRequest
        {
            FileContent = ByteString.CopyFrom(PortalFiles.Read("giang-vo-2020-cai-cach-hanh-chinh.docx")),
            FileName = "tai-len/giang-vo-bao-cao.docx",
            Ward = "Giảng Võ",
            District = "Ba Đình",
        });

        Assert.Equal(1, response.Accepted + response.Updated + response.Unchanged);
        var file = Assert.Single(response.Files);
        Assert.Equal("tai-len/giang-vo-bao-cao", file.Id);
        Assert.Equal(SourceState.Ok, file.Status.State);
        Assert.Equal("docx", file.Status.Format);
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "tai-len/giang-vo-bao-cao" }, cancellationToken: Ct);
        Assert.Equal(S.GiangVoTitle, document.Title);
        Assert.StartsWith(S.GiangVoBody[0], document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestDocuments_BadFiles_RejectedWithTheirStatus()
    {
        var response = await Ingest(
            new IngestDocumentRequest { Id = "lie", FileContent = ByteString.CopyFrom(PortalFiles.Read("giang-vo-2020-cai-cach-hanh-chinh.docx")), ContentType = "application/pdf" },
            new IngestDocumentRequest { Id = "locked", FileContent = ByteString.CopyFrom(PortalFiles.Encrypted), FileName = "locked.pdf" },
            new IngestDocumentRequest { Id = "scan", FileContent = ByteString.CopyFrom(PortalFiles.Read("phuc-xa-2021-quyet-dinh-125.pdf")), FileName = "scan.pdf" },
            new IngestDocumentRequest { Id = "nameless", FileContent = ByteString.CopyFrom([1, 2, 3]) });

        Assert.Equal(0, response.Accepted + response.Updated);
        Assert.Equal([0, 1, 2, 3], response.Rejected.Select(r => r.Index));
        Assert.Equal([SourceState.Error, SourceState.Encrypted, SourceState.ScanWithoutOcr, SourceState.Error], response.Files.Select(f => f.Status.State));
        Assert.Contains("sent as 'application/pdf'", response.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal([1], response.Files[2].Status.Pages);
        Assert.Contains("'file_name' or a known 'content_type'", response.Rejected[3].Reason, StringComparison.Ordinal);
    }
}

/// <summary>A server over the scanned decision and its page, OCR on: only where tesseract with its Vietnamese model is installed.</summary>
public sealed class OcrServerFixture() : ServerFixture(ScanArchive())
{
    private static string ScanArchive()
    {
        var root = Directory.CreateTempSubdirectory("searchservice-scan-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(root, S.Folder)).FullName;
        foreach (var name in new[] { "phuc-xa-2021-quyet-dinh-125.html", "phuc-xa-2021-quyet-dinh-125.pdf" })
        {
            File.WriteAllBytes(Path.Combine(folder, name), PortalFiles.Read(name));
        }

        return root;
    }
}

public sealed class OcrApiTests(OcrServerFixture server) : IClassFixture<OcrServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void RequireOcr()
    {
        var ocr = new OcrEngine(new ReaderLimits());
        Assert.SkipUnless(ocr.Available, $"OCR test skipped: {ocr.Unavailable}");
    }

    [Fact]
    public async Task Sync_ScannedAttachment_OcrStatusAndTheDecisionSearchable()
    {
        RequireOcr();

        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);
        var scan = stats.Sources.Single(s => s.SourcePath == "ba-dinh/phuc-xa-2021-quyet-dinh-125.pdf");
        Assert.Equal(SourceState.Ocr, scan.State);
        Assert.Equal([1], scan.Pages);
        Assert.Equal(SourceState.Ocr, stats.Sources.Single(s => s.SourcePath == "ba-dinh/phuc-xa-2021-quyet-dinh-125.html").State);

        var response = await server.Search().SearchAsync(new SearchRequest { Query = "danh sách hộ nghèo" }, cancellationToken: Ct);
        Assert.Equal("ba-dinh/phuc-xa-2021-quyet-dinh-125", Assert.Single(response.Results).Document.Id);
    }
}
