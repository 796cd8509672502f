using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Indexing;

public sealed class ArchiveSynchronizerTests
{
    [Fact]
    public void Sync_NewArchive_IndexesEveryReport()
    {
        using var index = new TestIndex();

        var report = index.Sync();

        Assert.Equal(TestReports.Corpus.Count, report.FilesAdded);
        Assert.Equal(TestReports.Corpus.Count, report.DocumentsIndexed);
        Assert.Empty(report.Skipped);
        Assert.Equal(TestReports.Corpus.Count, index.Engine.DocumentCount);
    }

    [Fact]
    public void Sync_RestartOnUpToDateIndex_ReadsNothing()
    {
        var index = new TestIndex();
        index.Sync();

        using var restarted = index.Reopen();
        var report = restarted.Sync();

        Assert.Equal(0, report.FilesRead);
        Assert.Equal(TestReports.Corpus.Count, report.FilesUnchanged);
        Assert.Equal(0, report.DocumentsIndexed);
        Assert.Equal(TestReports.Corpus.Count, restarted.Engine.DocumentCount);
    }

    [Fact]
    public void Restart_KnowsWhenTheIndexWasLastCommitted()
    {
        var index = new TestIndex();
        index.Sync();
        var committed = index.Store.LastCommitUtc;

        using var restarted = index.Reopen();

        Assert.NotNull(committed);
        Assert.Equal(committed, restarted.Store.LastCommitUtc);
    }

    [Fact]
    public void Sync_ChangedFile_IsReindexed()
    {
        using var index = new TestIndex();
        index.Sync();
        var path = Path.Combine(index.Archive, "tay-ho/quang-an-2016.txt");
        File.WriteAllText(path, TestReports.Portal("Phường Quảng An tổ chức lễ hội hoa đào", "Lễ hội hoa đào Nhật Tân thu hút đông đảo du khách.", "Ngày đăng 01/02/2017 | 08:00 | Lượt xem: 9"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var report = index.Sync();

        Assert.Equal(1, report.FilesRead);
        Assert.Equal(1, report.FilesChanged);
        var page = index.Engine.Search(SearchQuery.For("hoa đào"), TestContext.Current.CancellationToken);
        Assert.Equal("tay-ho/quang-an-2016", page.Hits[0].Document.Id);
        Assert.Empty(page.Hits[0].MissingWords);
        Assert.All(page.Hits.Skip(1), h => Assert.NotEmpty(h.MissingWords));
        Assert.Equal(0, index.Engine.Search(SearchQuery.For("\"giao quân\""), TestContext.Current.CancellationToken).TotalSize);
        Assert.Equal(2017, index.Engine.GetDocument("tay-ho/quang-an-2016").Year);
    }

    [Theory]
    [InlineData("tay-ho/quang-an-2016.txt", "tay-ho/quang-an-2016", null)]
    [InlineData("feeds/one.jsonl", "feed-1", """{"id":"feed-1","title":"Phường Gia Thụy","text":"Nội dung."}""")]
    public void Sync_TouchedButUnchangedFile_IsReadOnceAndNotReindexed(string file, string id, string? content)
    {
        var archive = TestReports.WriteArchive();
        if (content is not null)
        {
            TestReports.Write(archive, file, content + "\n");
        }

        var index = new TestIndex(archive);
        index.Sync();
        File.SetLastWriteTimeUtc(Path.Combine(archive, file), DateTime.UtcNow.AddMinutes(1));

        var touched = index.Sync();
        using var restarted = index.Reopen();
        var again = restarted.Sync();

        Assert.Equal(1, touched.FilesRead);
        Assert.Equal(0, touched.FilesChanged);
        Assert.Equal(0, touched.DocumentsIndexed);
        Assert.Equal(0, again.FilesRead);
        Assert.Equal(id, restarted.Engine.GetDocument(id).Id);
    }

    [Fact]
    public void Sync_RemovedFile_Disappears()
    {
        using var index = new TestIndex();
        index.Sync();
        File.Delete(Path.Combine(index.Archive, "cau-giay/dich-vong-2023.txt"));

        var report = index.Sync();

        Assert.Equal(1, report.FilesRemoved);
        Assert.DoesNotContain(index.Engine.Search(SearchQuery.For("khuyến học"), TestContext.Current.CancellationToken).Hits, h => h.Document.Id == "cau-giay/dich-vong-2023");
        Assert.Equal(TestReports.Corpus.Count - 1, index.Engine.DocumentCount);
    }

    [Fact]
    public void Sync_BrokenFiles_AreSkippedWithReasonsAndTheRestIsIndexed()
    {
        var archive = TestReports.WriteArchive();
        File.WriteAllBytes(Path.Combine(archive, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(archive, "binary.txt"), [0x00, 0x01, 0x02, 0xFF]);
        TestReports.Write(archive, "no-header.txt", "Tin tức\n\nMột bài không có dòng ngày đăng\n\nNội dung.");
        using var index = new TestIndex(archive);

        var report = index.Sync();

        Assert.Equal(["binary.txt", "empty.txt", "no-header.txt"], report.Skipped.Select(s => s.SourcePath));
        Assert.All(report.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(TestReports.Corpus.Count, index.Engine.DocumentCount);
        var stats = SearchService.Core.Indexing.IndexStatistics.Read(index.Store);
        Assert.Equal(3, stats.SkippedSources.Count);
    }

    [Fact]
    public void Sync_BrokenFileUnchanged_IsNotReadAgainAfterRestart()
    {
        var archive = TestReports.WriteArchive();
        File.WriteAllBytes(Path.Combine(archive, "empty.txt"), []);
        var index = new TestIndex(archive);
        index.Sync();

        using var restarted = index.Reopen();
        var report = restarted.Sync();

        Assert.Equal(0, report.FilesRead);
        Assert.Single(SearchService.Core.Indexing.IndexStatistics.Read(restarted.Store).SkippedSources);
    }

    [Fact]
    public void Sync_CancelledBeforeStart_CommitsNothingHalfWay()
    {
        using var index = new TestIndex();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => index.Synchronizer.SynchronizeAsync(cancelled.Token).GetAwaiter().GetResult());

        Assert.Equal(0, index.Engine.DocumentCount);
    }

    [Fact]
    public void Sync_JsonLinesFileOverTheFileLimit_IsStreamedWhole()
    {
        var archive = TestReports.WriteArchive();
        var lines = Enumerable.Range(1, 300).Select(i =>
            $$"""{"id":"stream-{{i}}","title":"Phường Bồ Đề họp tổ dân phố số {{i}}","text":"Tổ dân phố số {{i}} phường Bồ Đề quận Long Biên triển khai Chỉ thị 05-CT/TW.","date":"2020-05-01"}""");
        TestReports.Write(archive, "feeds/bo-de.jsonl", string.Join('\n', lines) + "\n");
        using var index = new TestIndex(archive, archiveOptions: new ArchiveOptions { MaxFileBytes = 10_000 });

        var report = index.Sync();

        Assert.Empty(report.Skipped);
        Assert.Equal(300, index.Store.Search(s => s.IndexReader.NumDocs) - TestReports.Corpus.Count);
        Assert.Equal("Bồ Đề", index.Engine.GetDocument("stream-300").Ward);
        Assert.Equal(300, index.Engine.Search(SearchQuery.For("05-CT/TW \"tổ dân phố số\""), TestContext.Current.CancellationToken).TotalSize);
    }

    [Fact]
    public void Sync_JsonLinesFileShrunk_LosesTheRecordsItNoLongerHas()
    {
        var archive = TestReports.WriteArchive();
        const string Kept = """{"id":"feed-1","title":"Phường Gia Thụy","text":"Nội dung một."}""";
        var path = TestReports.Write(archive, "feeds/two.jsonl", Kept + "\n" + """{"id":"feed-2","title":"Phường Ngọc Lâm","text":"Nội dung hai."}""");
        using var index = new TestIndex(archive);
        index.Sync();
        File.WriteAllText(path, Kept + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var report = index.Sync();

        Assert.Equal(1, report.FilesChanged);
        Assert.Equal("feed-1", index.Engine.GetDocument("feed-1").Id);
        Assert.Throws<SearchService.Core.Errors.DocumentNotFoundException>(() => index.Engine.GetDocument("feed-2"));
    }

    [Fact]
    public async Task Sync_CancelledInsideAJsonLinesFile_KeepsNoneOfItAndTheNextSyncReadsItWhole()
    {
        var archive = Directory.CreateTempSubdirectory("searchservice-feed-").FullName;
        var lines = Enumerable.Range(1, 400).Select(i => $$"""{"id":"feed-{{i}}","title":"Tin số {{i}}","text":"Phường Bồ Đề thông tin số {{i}}."}""");
        TestReports.Write(archive, "feeds/many.jsonl", string.Join('\n', lines));
        var indexPath = TestReports.NewIndexFolder();
        using var cancellation = new CancellationTokenSource();
        using (var store = new IndexStore(Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath }), Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStore>.Instance))
        {
            var synchronizer = new ArchiveSynchronizer(
                store,
                new CancellingEnricher(SearchService.Core.Documents.TextEnricher.CreateDefault(), "feed-", 100, cancellation),
                Microsoft.Extensions.Options.Options.Create(new ArchiveOptions { Path = archive }),
                Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath }),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ArchiveSynchronizer>.Instance);

            var cancelled = await synchronizer.SynchronizeAsync(cancellation.Token);

            Assert.True(cancelled.Cancelled);
            Assert.Equal(0, store.Search(s => s.Search(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term("id", "feed-")), 1).TotalHits));
        }

        using var index = new TestIndex(archive, indexPath);
        var report = index.Sync();

        Assert.Equal(400, report.DocumentsIndexed);
        Assert.Equal(400, index.Store.Search(s => s.Search(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term("id", "feed-")), 1000).TotalHits));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sync_StoppedInsideAJsonLinesFileAfterCheckpoints_ResumesThereAndReadsOnlyTheRest(bool crash)
    {
        // 400 lines: line 30 is not JSON, line 300 neither, line 350 repeats the id of line 10.
        var archive = Directory.CreateTempSubdirectory("searchservice-feed-").FullName;
        var lines = Enumerable.Range(1, 400).Select(i => i switch
        {
            30 or 300 => "not json",
            350 => """{"id":"feed-10","title":"Trùng","text":"Bản trùng mã."}""",
            _ => $$"""{"id":"feed-{{i}}","title":"Tin số {{i}}","text":"Phường Bồ Đề thông tin số {{i}}."}""",
        });
        var path = TestReports.Write(archive, "feeds/many.jsonl", string.Join('\n', lines) + "\n");
        var indexPath = TestReports.NewIndexFolder();
        int checkpointDocuments;
        using (var cancellation = new CancellationTokenSource())
        using (var store = new IndexStore(Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath }), Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStore>.Instance))
        {
            var synchronizer = new ArchiveSynchronizer(
                store,
                new CancellingEnricher(SearchService.Core.Documents.TextEnricher.CreateDefault(), "feed-", 120, cancellation, crash),
                Microsoft.Extensions.Options.Options.Create(new ArchiveOptions { Path = archive }),
                Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath, CommitEveryRecords = 50 }),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ArchiveSynchronizer>.Instance);

            if (crash)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => synchronizer.SynchronizeAsync(cancellation.Token));
            }
            else
            {
                Assert.True((await synchronizer.SynchronizeAsync(cancellation.Token)).Cancelled);
            }

            var entry = store.Manifest.Get("feeds/many.jsonl")!;
            Assert.NotNull(entry.Checkpoint);
            checkpointDocuments = entry.Documents;
            Assert.InRange(checkpointDocuments, 50, 119);
        }

        using var index = new TestIndex(archive, indexPath);
        var resumed = index.Sync();
        var touched = File.GetLastWriteTimeUtc(path).AddMinutes(1);
        File.SetLastWriteTimeUtc(path, touched);
        var afterTouch = index.Sync();

        Assert.Equal(397 - checkpointDocuments, resumed.DocumentsIndexed);
        Assert.Equal(397, index.Store.Search(s => s.Search(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term("id", "feed-")), 1000).TotalHits));
        Assert.Equal("Tin số 10", index.Engine.GetDocument("feed-10").Title);
        Assert.Contains(resumed.RejectedRecords, r => r.Reason == "line 350: id 'feed-10' repeats line 10; the first is kept");
        Assert.Contains(resumed.RejectedRecords, r => r.Reason.StartsWith("line 300:", StringComparison.Ordinal));
        Assert.DoesNotContain(resumed.RejectedRecords, r => r.Reason.StartsWith("line 30:", StringComparison.Ordinal));
        var final = index.Store.Manifest.Get("feeds/many.jsonl")!;
        Assert.Null(final.Checkpoint);
        Assert.Equal((397, 3), (final.Documents, final.Rejections!.Count));
        Assert.Equal(SearchService.Core.Archive.JsonLinesFile.HashFile(path), final.Hash);
        Assert.Equal((0, 0), (afterTouch.DocumentsIndexed, afterTouch.FilesChanged));
    }

    [Fact]
    public void Sync_FreshIndexWithTwoJsonLinesFiles_AnIdInBothIsOneDocumentTheLaterFilesVersion()
    {
        // The first file into an empty index is added without looking for earlier versions; the second must still replace by id.
        var archive = Directory.CreateTempSubdirectory("searchservice-feed-").FullName;
        TestReports.Write(archive, "a.jsonl", string.Join('\n', Enumerable.Range(1, 40).Select(i => $$"""{"id":"feed-{{i}}","title":"Tin cũ {{i}}","text":"Phường Bồ Đề thông tin số {{i}}."}""")) + "\n");
        TestReports.Write(archive, "b.jsonl", """{"id":"feed-7","title":"Tin mới 7","text":"Phường Bồ Đề đính chính tin số 7."}""" + "\n");
        using var index = new TestIndex(archive, TestReports.NewIndexFolder());

        var report = index.Sync();

        Assert.Equal(41, report.DocumentsIndexed);
        Assert.Equal(40, index.Store.Search(s => s.Search(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term("id", "feed-")), 1000).TotalHits));
        Assert.Equal("Tin mới 7", index.Engine.GetDocument("feed-7").Title);
    }

    [Fact]
    public async Task Sync_JsonLinesFileChangedAfterACheckpoint_IsReadAgainWhole()
    {
        var archive = Directory.CreateTempSubdirectory("searchservice-feed-").FullName;
        var lines = Enumerable.Range(1, 200).Select(i => $$"""{"id":"feed-{{i}}","title":"Tin số {{i}}","text":"Phường Bồ Đề thông tin số {{i}}."}""").ToList();
        var path = TestReports.Write(archive, "feeds/many.jsonl", string.Join('\n', lines) + "\n");
        var indexPath = TestReports.NewIndexFolder();
        using (var cancellation = new CancellationTokenSource())
        using (var store = new IndexStore(Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath }), Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStore>.Instance))
        {
            var synchronizer = new ArchiveSynchronizer(
                store,
                new CancellingEnricher(SearchService.Core.Documents.TextEnricher.CreateDefault(), "feed-", 80, cancellation),
                Microsoft.Extensions.Options.Options.Create(new ArchiveOptions { Path = archive }),
                Microsoft.Extensions.Options.Options.Create(new IndexOptions { Path = indexPath, CommitEveryRecords = 25 }),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ArchiveSynchronizer>.Instance);
            await synchronizer.SynchronizeAsync(cancellation.Token);
            Assert.NotNull(store.Manifest.Get("feeds/many.jsonl")!.Checkpoint);
        }

        // The first lines change in place: what was indexed of them is stale.
        lines[0] = """{"id":"feed-1","title":"Tin đã sửa","text":"Phường Bồ Đề đính chính."}""";
        lines[1] = """{"id":"feed-new","title":"Tin mới","text":"Phường Bồ Đề thông tin mới."}""";
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        using var index = new TestIndex(archive, indexPath);

        var report = index.Sync();

        Assert.Equal((1, 200), (report.FilesChanged, report.DocumentsIndexed));
        Assert.Equal(200, index.Store.Search(s => s.Search(new Lucene.Net.Search.PrefixQuery(new Lucene.Net.Index.Term("id", "feed-")), 1000).TotalHits));
        Assert.Equal("Tin đã sửa", index.Engine.GetDocument("feed-1").Title);
        Assert.Throws<SearchService.Core.Errors.DocumentNotFoundException>(() => index.Engine.GetDocument("feed-2"));
    }

    /// <summary>Cancels the sync when it has enriched <paramref name="after"/> documents whose id starts with <paramref name="prefix"/>.</summary>
    /// <remarks>With <paramref name="crash"/> it throws from then on instead, as a failing process would stop.</remarks>
    private sealed class CancellingEnricher(SearchService.Core.Documents.IDocumentEnricher inner, string prefix, int after, CancellationTokenSource cancellation, bool crash = false)
        : SearchService.Core.Documents.IDocumentEnricher
    {
        private int _seen;

        public SearchService.Core.Documents.IndexedDocument Enrich(SearchService.Core.Documents.SourceDocument source, string contentHash)
        {
            if (source.Id.StartsWith(prefix, StringComparison.Ordinal) && Interlocked.Increment(ref _seen) >= after)
            {
                if (crash)
                {
                    throw new InvalidOperationException("simulated crash");
                }

                cancellation.Cancel();
            }

            return inner.Enrich(source, contentHash);
        }
    }
}
