using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Core.Tests.Mentions;

/// <summary>The action of each mention, read from its sentence: one test per class, and the rules between them.</summary>
public sealed class MentionActionTests
{
    private static readonly MentionExtractor Extractor = new();

    private static string ActionOf(string text, string keyPrefix)
        => Assert.Single(Extractor.Extract(text), m => m.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).Action;

    [Theory]
    [InlineData("Đảng ủy tổ chức học tập, quán triệt Chỉ thị 05-CT/TW cho toàn thể đảng viên.", "05-CT", "study")]
    [InlineData("Mặt trận phường tuyên truyền Kết luận 21-KL/TW đến hội viên.", "21-KL", "study")]
    [InlineData("Chỉ thị 05-CT/TW đã được quán triệt đến 100% đảng viên.", "05-CT", "study")]
    [InlineData("Kết luận 21-KL/TW của Trung ương khóa XIII được các chi bộ quán triệt nghiêm túc.", "21-KL", "study")]
    [InlineData("Đảng ủy ban hành Kế hoạch số 27-KH/ĐU về công tác tuyên giáo.", "27-KH", "plan")]
    [InlineData("Đảng ủy xây dựng kế hoạch thực hiện Chỉ thị 05-CT/TW.", "05-CT", "plan")]
    [InlineData("Đảng ủy ban hành Kế hoạch số 27-KH/ĐU triển khai thực hiện Nghị quyết 35-NQ/TW.", "35-NQ", "plan")]
    [InlineData("Việc cụ thể hóa Nghị quyết 35-NQ/TW ở chi bộ còn chậm.", "35-NQ", "plan")]
    [InlineData("Các chi bộ tiếp tục thực hiện Chỉ thị 05-CT/TW.", "05-CT", "implement")]
    [InlineData("Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW.", "05-CT", "interim_review")]
    [InlineData("Hội nghị tổng kết 10 năm thực hiện Chỉ thị 07-CT/QU của Quận ủy.", "07-CT", "final_review")]
    [InlineData("Ủy ban Kiểm tra Đảng ủy kiểm tra, giám sát việc thực hiện Quy định 102-QĐ/TW.", "102-QĐ", "inspect")]
    [InlineData("Theo Quy định 102-QĐ/TW, trong năm không có đảng viên bị kỷ luật.", "102-QĐ", "cited")]
    [InlineData("Ủy ban Kiểm tra Đảng ủy có 5 đồng chí, hoạt động theo Quy định 30-QĐ/TW.", "30-QĐ", "cited")]
    public void Extract_SentenceCue_GivesTheAction(string text, string key, string action)
    {
        Assert.Equal(action, ActionOf(text, key));
    }

    [Fact]
    public void Extract_EveryClass_IsOneOfTheDocumentedActions()
    {
        Assert.Equal(["study", "plan", "implement", "interim_review", "final_review", "inspect", "cited"], MentionActions.All);
    }

    [Fact]
    public void Extract_ReviewOfImplementation_IsAReviewNotAnImplementation()
    {
        var mentions = Extractor.Extract("Đảng ủy sơ kết một năm thực hiện Nghị quyết 35-NQ/TW và Kế hoạch số 08-KH/QU của Quận ủy.");

        Assert.Equal(["interim_review", "interim_review"], mentions.Select(m => m.Action));
    }

    [Fact]
    public void Extract_SeveralMentionsInASentence_EachTakesTheCueBeforeIt()
    {
        var mentions = Extractor.Extract("Đảng ủy tổng kết Chỉ thị 07-CT/QU, đồng thời quán triệt Nghị quyết 35-NQ/TW và Kết luận 21-KL/TW.");

        Assert.Equal(["final_review", "study", "study"], mentions.Select(m => m.Action));
    }
}
