using System.Text;
using SearchService.Core.Archive;

namespace SearchService.Core.Tests.Archive;

public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(70_000)]
    public void ReadLines_LinesOfAnyLengthAcrossBlocks_ComeBackWholeAndTheirBytesAddUpToTheStream(int repeat)
    {
        var long1 = new string('ả', repeat);
        var bytes = Encoding.UTF8.GetBytes($"\uFEFFmột\r\n{long1}\n\nhai {long1}");

        var reader = new Utf8LineReader(new MemoryStream(bytes), long.MaxValue, "limit");
        var lines = reader.ReadLines(TestContext.Current.CancellationToken).ToList();

        Assert.Equal(["một", long1, "", "hai " + long1], lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Number));
        Assert.Equal(bytes.Length, lines.Sum(l => l.ByteCount));
        Assert.Equal(bytes.Length, reader.BytesRead);
        Assert.Null(reader.Error);
    }

    [Fact]
    public void ReadLines_BadUtf8AndOverlongLines_AreNamedAndTheOthersRead()
    {
        var bytes = Encoding.UTF8.GetBytes("đúng\n")
            .Concat(new byte[] { 0x61, 0xC3, 0x28, 0x0A })
            .Concat(Encoding.UTF8.GetBytes(new string('x', 100) + "\nsau\n"))
            .ToArray();

        var lines = new Utf8LineReader(new MemoryStream(bytes), 50, "test limit").ReadLines(TestContext.Current.CancellationToken).ToList();

        Assert.Equal(["đúng", null, null, "sau"], lines.Select(l => l.Text));
        Assert.StartsWith("not valid UTF-8 (bad byte at offset 1", lines[1].Problem, StringComparison.Ordinal);
        Assert.Equal("longer than the 50-byte test limit", lines[2].Problem);
        Assert.Equal(bytes.Length, lines.Sum(l => l.ByteCount));
    }

    [Fact]
    public void ReadLines_BinaryStream_StopsWithAReasonAndEmptyStreamHasNoLine()
    {
        var binary = new Utf8LineReader(new MemoryStream([0x7B, 0x00, 0x01, 0x0A, 0x41]), 100, "limit");
        var empty = new Utf8LineReader(new MemoryStream(), 100, "limit");

        Assert.Empty(binary.ReadLines(TestContext.Current.CancellationToken));
        Assert.StartsWith("binary content", binary.Error, StringComparison.Ordinal);
        Assert.Empty(empty.ReadLines(TestContext.Current.CancellationToken));
        Assert.Null(empty.Error);
        Assert.Equal(0, empty.BytesRead);
    }
}
