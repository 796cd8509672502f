using SearchService.Core.Metadata;

namespace SearchService.Core.Tests.Metadata;

public sealed class TopicClassifierTests
{
    private static readonly TopicClassifier Classifier = TopicClassifier.Default;

    [Fact]
    public void Labels_Taxonomy_HasTheRequiredTopics()
    {
        string[] required =
        [
            "Xây dựng Đảng", "Dân vận", "Kinh tế - Ngân sách", "Đô thị - Môi trường", "Đất đai - Giải phóng mặt bằng",
            "Văn hóa - Xã hội", "Y tế", "Giáo dục", "Quốc phòng - An ninh", "Cải cách hành chính",
        ];

        Assert.All(required, label => Assert.Contains(label, Classifier.Labels));
    }

    [Fact]
    public void Classify_NoCueAtAll_StillGivesOneTopic()
    {
        var topics = Classifier.Classify("Tin ngắn", "Sáng nay trời nắng.");

        var topic = Assert.Single(topics);
        Assert.Contains(topic.Topic, Classifier.Labels);
    }

    [Fact]
    public void Classify_TitleCue_DecidesAndListsTheCue()
    {
        var topics = Classifier.Classify("Phường Ngọc Lâm đẩy mạnh giải phóng mặt bằng", "Tổ công tác đến từng hộ gia đình vận động.");

        Assert.Equal("Đất đai - Giải phóng mặt bằng", topics[0].Topic);
        Assert.Contains("giải phóng mặt bằng", topics[0].Cues);
        Assert.True(topics[0].Score > 0);
    }

    [Theory]
    [InlineData("Phuong ra quan tong ve sinh moi truong")]
    [InlineData("Phường ra quân tổng vệ sinh môi trường")]
    [InlineData("PHƯỜNG RA QUÂN TỔNG VỆ SINH MÔI TRƯỜNG")]
    public void Classify_AnySpelling_FindsTheCue(string title)
    {
        var topics = Classifier.Classify(title, "");

        Assert.Equal("Đô thị - Môi trường", topics[0].Topic);
    }

    [Fact]
    public void Classify_CueInsideALongerWord_DoesNotMatch()
    {
        // "ISO" is a cue of administrative reform; "isotope" and "Isolde" only contain its letters.
        var topics = Classifier.Classify("Isotope và Isolde", "Isolation isotope isolde.");

        Assert.DoesNotContain(topics, t => t.Cues.Contains("ISO"));
    }

    [Fact]
    public void Classify_DashedSlogan_MatchesTheCue()
    {
        var topics = Classifier.Classify("Vì một phường xanh - sạch - đẹp", "");

        Assert.Contains("xanh sạch đẹp", topics[0].Cues);
    }

    [Fact]
    public void Classify_PassingMention_DoesNotAddATopic()
    {
        const string text = "Khối dân vận phường triển khai mô hình dân vận khéo; tổ dân vận vận động nhân dân thực hiện "
            + "quy chế dân chủ ở cơ sở. Trạm y tế cũng tham gia.";

        var topics = Classifier.Classify("Phường Bồ Đề tổng kết công tác dân vận", text);

        var topic = Assert.Single(topics);
        Assert.Equal("Dân vận", topic.Topic);
    }

    [Fact]
    public void Classify_TwoTopicsInTitle_GivesBoth()
    {
        const string text = "Phường vừa tổ chức tiêm chủng vắc xin, vừa hoàn thành thu ngân sách và hỗ trợ hộ kinh doanh.";

        var topics = Classifier.Classify("Vừa phòng, chống dịch vừa hoàn thành thu ngân sách", text);

        Assert.Equal(["Kinh tế - Ngân sách", "Y tế"], topics.Select(t => t.Topic).Order());
    }

    [Fact]
    public void Classify_OwnTaxonomy_RespectsThresholdsAndLimit()
    {
        const string json = """
            { "titleWeight": 2, "relativeThreshold": 0.5, "titleRelativeThreshold": 0.5, "minScore": 0, "maxTopics": 1,
              "topics": [ { "label": "A", "cues": { "cây xanh": 1 } }, { "label": "B", "cues": { "học sinh": 1 } } ] }
            """;
        var classifier = TopicClassifier.Parse(json);

        var topics = classifier.Classify("Trồng cây xanh", "Học sinh trồng cây xanh.");

        var topic = Assert.Single(topics);
        Assert.Equal("A", topic.Topic);
        Assert.Equal(["cây xanh"], topic.Cues);
    }
}
