using SearchService.Core.Indexing;
using S = SearchService.Tests.Shared.PortalSamples;

namespace SearchService.Core.Tests.Archive;

/// <summary>A page and its attachment through syncs: one report, kept right as either file changes or goes.</summary>
public sealed class AttachmentSyncTests
{
    private const string Page = "ngoc-ha-2019-phong-chong-sot-xuat-huyet.html";
    private const string Pdf = "ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf";
    private const string PlanWords = "đội xung kích diệt bọ gậy";

    private static string Archive()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        foreach (var name in new[] { Page, Pdf })
        {
            File.Copy(Path.Combine(TestPaths.SampleArchive, S.Folder, name), Path.Combine(root, name));
        }

        return root;
    }

    [Fact]
    public void Sync_PageAndAttachment_OneReportHoldingBoth()
    {
        using var index = new Indexing.TestIndex(Archive());

        var report = index.Sync();

        Assert.Equal(1, report.DocumentsIndexed);
        Assert.Equal(1, index.Engine.DocumentCount);
        var text = index.Engine.GetDocument("ngoc-ha-2019-phong-chong-sot-xuat-huyet").Text;
        Assert.Contains(S.NgocHaBody[0], text, StringComparison.Ordinal);
        Assert.Contains(PlanWords, text, StringComparison.Ordinal);
        var pdf = IndexStatistics.Read(index.Store).Sources.Single(s => s.SourcePath == Pdf);
        Assert.Equal(Page, pdf.AttachedTo);
        Assert.Equal(0, pdf.Documents);
    }

    [Fact]
    public void Sync_AttachmentRemoved_PageReportLosesItsText()
    {
        using var index = new Indexing.TestIndex(Archive());
        index.Sync();

        File.Delete(Path.Combine(index.Archive, Pdf));
        index.Sync();

        var text = index.Engine.GetDocument("ngoc-ha-2019-phong-chong-sot-xuat-huyet").Text;
        Assert.Contains(S.NgocHaBody[0], text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanWords, text, StringComparison.Ordinal);
        Assert.Equal(1, index.Engine.DocumentCount);
    }

    [Fact]
    public void Sync_PageRemoved_AttachmentBecomesAReportOfItsOwn()
    {
        using var index = new Indexing.TestIndex(Archive());
        index.Sync();

        File.Delete(Path.Combine(index.Archive, Page));
        index.Sync();

        Assert.Equal(1, index.Engine.DocumentCount);
        var document = index.Engine.GetDocument("ngoc-ha-2019-phong-chong-sot-xuat-huyet");
        Assert.Contains(PlanWords, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(S.NgocHaBody[0], document.Text, StringComparison.Ordinal);
        Assert.Equal("", IndexStatistics.Read(index.Store).Sources.Single().AttachedTo);
    }

    [Fact]
    public void Sync_AttachmentChangedAlone_PageReportUpdated()
    {
        using var index = new Indexing.TestIndex(Archive());
        index.Sync();

        File.Copy(Path.Combine(TestPaths.SampleArchive, S.Folder, "truc-bach-2018-trat-tu-do-thi.pdf"), Path.Combine(index.Archive, Pdf), overwrite: true);
        var report = index.Sync();

        Assert.Equal(1, report.FilesRead);
        var text = index.Engine.GetDocument("ngoc-ha-2019-phong-chong-sot-xuat-huyet").Text;
        Assert.Contains(S.NgocHaBody[0], text, StringComparison.Ordinal);
        Assert.Contains("lấn chiếm vỉa hè", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanWords, text, StringComparison.Ordinal);
    }
}
