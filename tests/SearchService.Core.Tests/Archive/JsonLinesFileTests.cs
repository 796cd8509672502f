using System.Text;
using SearchService.Core.Archive;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Archive;

/// <summary>JSON Lines files are streamed record by record; what they give must not depend on the file's size.</summary>
public sealed class JsonLinesFileTests
{
    private const string First = """{"id":"a-1","title":"Phường Bồ Đề ra quân","text":"Nội dung một.","date":"2019-03-05","ward":"Bồ Đề"}""";
    private const string Second = """{"id":"a-2","title":"Phường Gia Thụy","text":"Nội dung hai.","date":null}""";

    [Fact]
    public void ReadDocuments_SameDocumentsRejectionsAndHashAsReadingTheWholeFile()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + string.Join("\r\n", First, "", """{"id":"a-x","title":"Không có nội dung"}""", "not json", Second) + "\r\n");
        var file = WriteFile("batch.jsonl", bytes);

        var streamed = new JsonLinesFile(file, 1 << 20);
        var documents = streamed.ReadDocuments(TestContext.Current.CancellationToken).ToList();
        var whole = ArchiveReader.Parse(bytes, "batch.jsonl", ".jsonl");

        Assert.Null(streamed.Error);
        Assert.Equal(whole.Documents, documents.Select(d => d with { SourceLine = 0 }));
        Assert.Equal([1, 5], documents.Select(d => d.SourceLine));
        Assert.Equal(whole.Rejections, streamed.Rejections);
        Assert.Equal(whole.ContentHash, streamed.ContentHash);
        Assert.Equal(["a-1", "a-2"], documents.Select(d => d.Id));
        Assert.StartsWith("line 3: 'text' is missing", streamed.Rejections[0], StringComparison.Ordinal);
        Assert.StartsWith("line 4: not a JSON object", streamed.Rejections[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDocuments_ResumedAfterALine_ReadsOnlyTheRestWithTheWholeFilesHash()
    {
        var third = """{"id":"a-3","title":"Phường Long Biên","text":"Nội dung ba."}""";
        var repeat = """{"id":"a-1","title":"Lặp","text":"Trùng mã."}""";
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", First, Second, "not json", third, repeat) + "\n");
        var file = WriteFile("resume.jsonl", bytes);
        var afterSecond = Encoding.UTF8.GetByteCount(First + "\n" + Second + "\n");

        var resumed = new JsonLinesFile(file, 1 << 20, new JsonLinesFile.Resume(afterSecond, 2, new Dictionary<string, int> { ["a-1"] = 1, ["a-2"] = 2 }));
        var documents = resumed.ReadDocuments(TestContext.Current.CancellationToken).ToList();

        Assert.Equal([("a-3", 4)], documents.Select(d => (d.Id, d.SourceLine)));
        Assert.Equal(2, resumed.Rejections.Count);
        Assert.StartsWith("line 3: not a JSON object", resumed.Rejections[0], StringComparison.Ordinal);
        Assert.Equal("line 5: id 'a-1' repeats line 1; the first is kept", resumed.Rejections[1]);
        Assert.Equal(afterSecond + Encoding.UTF8.GetByteCount("not json\n"), resumed.RecordStart);
        Assert.Equal(JsonLinesFile.HashFile(file.FullPath), resumed.ContentHash);
        Assert.Null(resumed.Error);
    }

    [Fact]
    public void ReadDocuments_LineWithInvalidUtf8_OnlyThatLineIsRejected()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(First + "\n"), .. Encoding.UTF8.GetBytes("""{"id":"a-bad","title":"T""")[..^1], 0xE1, 0xBB, .. Encoding.UTF8.GetBytes("\",\"text\":\"x\"}\n" + Second)];
        var streamed = new JsonLinesFile(WriteFile("mixed.jsonl", bytes), 1 << 20);

        var ids = streamed.ReadDocuments(TestContext.Current.CancellationToken).Select(d => d.Id).ToList();

        Assert.Equal(["a-1", "a-2"], ids);
        Assert.StartsWith("line 2: not valid UTF-8", Assert.Single(streamed.Rejections), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDocuments_LineOverTheRecordLimit_IsRejectedAndTheNextLinesRead()
    {
        var huge = $$"""{"id":"a-huge","title":"Dài","text":"{{new string('x', 5000)}}"}""";
        var streamed = new JsonLinesFile(WriteFile("long.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', First, huge, Second))), 1000);

        var ids = streamed.ReadDocuments(TestContext.Current.CancellationToken).Select(d => d.Id).ToList();

        Assert.Equal(["a-1", "a-2"], ids);
        Assert.Equal("line 2: longer than the 1,000-byte record limit (Archive:MaxRecordBytes)", Assert.Single(streamed.Rejections));
    }

    [Fact]
    public void ReadDocuments_RepeatedId_FirstIsKeptAndTheRepeatReported()
    {
        var repeat = First.Replace("Nội dung một.", "Nội dung khác.", StringComparison.Ordinal);
        var streamed = new JsonLinesFile(WriteFile("dup.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', First, Second, repeat))), 1 << 20);

        var documents = streamed.ReadDocuments(TestContext.Current.CancellationToken).ToList();

        Assert.Equal(["a-1", "a-2"], documents.Select(d => d.Id));
        Assert.Equal("Nội dung một.", documents[0].Text);
        Assert.Equal("line 3: id 'a-1' repeats line 1; the first is kept", Assert.Single(streamed.Rejections));
    }

    [Theory]
    [InlineData(new byte[] { }, "empty file")]
    [InlineData(new byte[] { 0x7B, 0x00, 0x01, 0x02 }, "binary content (NUL bytes): not a text report")]
    public void ReadDocuments_EmptyOrBinaryFile_IsSkippedWithReason(byte[] bytes, string reason)
    {
        var streamed = new JsonLinesFile(WriteFile("bad.jsonl", bytes), 1 << 20);

        Assert.Empty(streamed.ReadDocuments(TestContext.Current.CancellationToken));
        Assert.Equal(reason, streamed.Error);
    }

    [Fact]
    public void ReadDocuments_OnlyBadLines_FileIsSkippedWithTheFirstReason()
    {
        var streamed = new JsonLinesFile(WriteFile("bad.jsonl", Encoding.UTF8.GetBytes("not json\n{}\n")), 1 << 20);

        Assert.Empty(streamed.ReadDocuments(TestContext.Current.CancellationToken));
        Assert.StartsWith("no readable record (line 1: not a JSON object", streamed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CanStream_Utf16JsonLines_IsReadWholeInstead()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        TestReports.Write(root, "utf16.jsonl", First, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        TestReports.Write(root, "utf8.jsonl", First);
        TestReports.Write(root, "report.txt", First);

        var streamable = ArchiveFile.List(root).Where(JsonLinesFile.CanStream).Select(f => f.RelativePath);

        Assert.Equal(["utf8.jsonl"], streamable);
    }

    private static ArchiveFile WriteFile(string name, byte[] bytes)
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllBytes(Path.Combine(root, name), bytes);
        return ArchiveFile.List(root).Single();
    }
}
