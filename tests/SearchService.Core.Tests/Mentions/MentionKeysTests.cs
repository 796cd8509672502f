using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Core.Tests.Mentions;

/// <summary>Labels and kinds read from canonical keys.</summary>
public sealed class MentionKeysTests
{
    [Theory]
    [InlineData("05-CT/TW", "Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")]
    [InlineData("18-NQ/TW/2022", "Nghị quyết 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương (khóa XIII) về tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất, tạo động lực đưa nước ta trở thành nước phát triển có thu nhập cao")]
    [InlineData("18-NQ/TW", "Nghị quyết 18-NQ/TW")]
    [InlineData("05-CT/TU", "Chỉ thị 05-CT/TU")]
    [InlineData("TW4/XII", "Nghị quyết Trung ương 4 (khóa XII)")]
    [InlineData("TW4", "Nghị quyết Trung ương 4")]
    [InlineData("15/2020/NĐ-CP", "Nghị định 15/2020/NĐ-CP")]
    [InlineData("15-ĐA/QU", "Đề án 15-ĐA/QU")]
    [InlineData("01-CTr/QU", "Chương trình 01-CTr/QU")]
    [InlineData("139-CV/QU", "Công văn 139-CV/QU")]
    [InlineData("703-QĐ", "Quyết định 703-QĐ")]
    [InlineData("11-QĐi/TW", "Quy định 11-QĐi/TW")]
    [InlineData("412/UBND-NV", "Công văn 412/UBND-NV")]
    [InlineData("91/2015/QH13", "Luật 91/2015/QH13")]
    [InlineData("not a key", "not a key")]
    public void Label_Key_IsVietnameseKindAndKey(string key, string label)
    {
        // Act
        var actual = MentionKeys.Label(key);

        // Assert
        Assert.Equal(label, actual);
    }

    [Theory]
    [InlineData("05-CT/TW", "directive")]
    [InlineData("08-NQ/TU", "resolution")]
    [InlineData("TW4/XII", "resolution")]
    [InlineData("TW6", "resolution")]
    [InlineData("217-QĐ/TW", "decision")]
    [InlineData("11-QĐi/TW", "regulation")]
    [InlineData("01-KL/TW", "conclusion")]
    [InlineData("03-ĐA", "scheme")]
    [InlineData("01-CTr/QU", "programme")]
    [InlineData("03-KH/ĐU", "plan")]
    [InlineData("139-CV/QU", "official_letter")]
    [InlineData("30-TB/TU", "notice")]
    [InlineData("12-HD/BTGTW", "guidance")]
    [InlineData("15/2020/NĐ-CP", "decree")]
    [InlineData("13/2019/TT-BNV", "circular")]
    [InlineData("5140/QĐ-UBND", "decision")]
    [InlineData("412/UBND-NV", "official_letter")]
    [InlineData("91/2015/QH13", "law")]
    [InlineData("nonsense", "")]
    public void KindOf_Key_IsTheEnglishKind(string key, string kind)
    {
        // Act
        var actual = MentionKeys.KindOf(key);

        // Assert
        Assert.Equal(kind, actual);
    }

    [Fact]
    public void KindOf_EveryKeyTheExtractorMakes_IsKnown()
    {
        // Arrange
        var extractor = new MentionExtractor();
        // Our sample archive always; the real seeds too when ../shared is beside the clone.
        var files = Directory.EnumerateFiles(TestPaths.SampleArchive, "*.txt", SearchOption.AllDirectories);
        if (Directory.Exists(TestPaths.Seeds))
        {
            files = files.Concat(Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"));
        }

        var text = string.Join(' ', files.Select(File.ReadAllText)).Normalize();

        // Act
        var unknown = extractor.Extract(text).Where(m => MentionKeys.KindOf(m.Key) == "").Select(m => m.Key).ToList();

        // Assert
        Assert.Empty(unknown);
    }
}
