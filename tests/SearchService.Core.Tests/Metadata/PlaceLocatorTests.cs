using System.Text;
using SearchService.Core.Metadata;

namespace SearchService.Core.Tests.Metadata;

public sealed class PlaceLocatorTests
{
    private readonly PlaceLocator _locator = new(Gazetteer.Default);

    [Theory]
    [InlineData("Phường Ngọc Thụy ra quân tổng vệ sinh môi trường")]
    [InlineData("Phường Ngọc Thuỵ ra quân tổng vệ sinh môi trường")]
    [InlineData("Phuong Ngoc Thuy ra quan tong ve sinh moi truong")]
    [InlineData("PHƯỜNG NGỌC THỤY RA QUÂN TỔNG VỆ SINH MÔI TRƯỜNG")]
    public void Locate_WardInTitle_AnySpelling_GivesWardAndItsDistrict(string title)
    {
        var place = _locator.Locate(title, "Sáng nay, hơn 200 người dân tham gia.");

        Assert.Equal("Ngọc Thụy", place.Ward);
        Assert.Equal("Long Biên", place.District);
        Assert.StartsWith("title", place.Evidence);
    }

    [Fact]
    public void Locate_DecomposedText_SameAsComposed()
    {
        var text = "Đảng ủy phường Thụy Khuê tổ chức hội nghị sơ kết.".Normalize(NormalizationForm.FormD);

        var place = _locator.Locate("Hội nghị sơ kết".Normalize(NormalizationForm.FormD), text);

        Assert.Equal("Thụy Khuê", place.Ward);
        Assert.Equal("Tây Hồ", place.District);
    }

    [Fact]
    public void Locate_StreetMarketAndSchoolNames_AreNoWardCues()
    {
        const string title = "Kiểm tra trật tự đô thị trên các tuyến phố";
        const string text = "Đoàn kiểm tra của quận Long Biên làm việc tại phố Ngọc Lâm, đường Long Biên, chợ Dịch Vọng "
            + "và trường tiểu học Phúc Đồng. Đoàn nhắc các hộ trên phố Ngọc Lâm giữ vỉa hè thông thoáng.";

        var place = _locator.Locate(title, text);

        Assert.Equal("", place.Ward);
        Assert.Equal("Long Biên", place.District);
    }

    [Fact]
    public void Locate_PersonNamedLikeAWard_IsNoWardCue()
    {
        const string title = "Ông Nguyễn Văn Long Biên nhận bằng khen";
        const string text = "UBND phường Phúc Lợi trao bằng khen cho ông Nguyễn Văn Long Biên, tổ dân phố số 5.";

        var place = _locator.Locate(title, text);

        Assert.Equal("Phúc Lợi", place.Ward);
        Assert.Equal("Long Biên", place.District);
        Assert.StartsWith("reporting body", place.Evidence);
    }

    [Fact]
    public void Locate_WardNamedLikeItsDistrict_IsTheWard()
    {
        var place = _locator.Locate("Phường Long Biên tổng kết công tác năm 2019", "Đảng ủy phường đã lãnh đạo hoàn thành các chỉ tiêu.");

        Assert.Equal("Long Biên", place.Ward);
        Assert.Equal("Long Biên", place.District);
    }

    [Fact]
    public void Locate_DistrictBodyInTitle_IsDistrictLevel()
    {
        const string title = "Ban Chấp hành Đảng bộ quận Long Biên họp phiên thường kỳ";
        const string text = "Dự hội nghị có các đồng chí Bí thư Đảng ủy phường Bồ Đề, Đảng ủy phường Ngọc Lâm và Đảng ủy phường Bồ Đề.";

        var place = _locator.Locate(title, text);

        Assert.Equal("", place.Ward);
        Assert.Equal("Long Biên", place.District);
        Assert.StartsWith("district-level", place.Evidence);
    }

    [Fact]
    public void Locate_UnnamedDistrictBody_TakesTheDistrictTheTextNames()
    {
        const string title = "Quận ủy tổ chức hội nghị giữa nhiệm kỳ";
        const string text = "Sáng nay, Quận ủy tổ chức hội nghị. Sáu tháng qua, quận Hoàng Mai đạt nhiều kết quả.";

        var place = _locator.Locate(title, text);

        Assert.Equal("", place.Ward);
        Assert.Equal("Hoàng Mai", place.District);
    }

    [Fact]
    public void Locate_ReportingBodyOutweighsWardsNamedInPassing()
    {
        const string title = "Hội nghị giao ban quý I";
        const string text = "Đảng ủy phường Giang Biên tổ chức hội nghị giao ban. Dự có đại diện phường Việt Hưng, "
            + "phường Phúc Lợi; phường Việt Hưng chia sẻ kinh nghiệm.";

        var place = _locator.Locate(title, text);

        Assert.Equal("Giang Biên", place.Ward);
        Assert.Equal("Long Biên", place.District);
    }

    [Fact]
    public void Locate_TitleWardBeatsBodyWards()
    {
        const string title = "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh";
        const string text = "UBND phường Đức Giang và UBND phường Đức Giang báo cáo, phường Thượng Thanh tiếp thu.";

        var place = _locator.Locate(title, text);

        Assert.Equal("Thượng Thanh", place.Ward);
    }

    [Theory]
    [InlineData("Phường Minh Khai, quận Bắc Từ Liêm ra quân dọn vệ sinh", "Bắc Từ Liêm")]
    [InlineData("Phường Minh Khai ra quân dọn vệ sinh", "Hai Bà Trưng")]
    public void Locate_WardNameOfTwoDistricts_TakesTheNamedDistrict(string title, string district)
    {
        var text = district == "Hai Bà Trưng" ? "Hội Phụ nữ quận Hai Bà Trưng cùng tham gia." : "";

        var place = _locator.Locate(title, text);

        Assert.Equal("Minh Khai", place.Ward);
        Assert.Equal(district, place.District);
    }

    [Fact]
    public void Locate_WardNameOfTwoDistricts_TakesTheDistrictOfTheOtherWardsNamed()
    {
        const string text = "Đảng ủy phường Minh Khai phối hợp với phường Phú Diễn và phường Xuân Đỉnh tổ chức ra quân.";

        var place = _locator.Locate("Ra quân dọn vệ sinh", text);

        Assert.Equal("Minh Khai", place.Ward);
        Assert.Equal("Bắc Từ Liêm", place.District);
    }

    [Fact]
    public void Locate_AbbreviatedWard_Counts()
    {
        var place = _locator.Locate("Tin hoạt động", "UBND P. Cự Khối triển khai kế hoạch; Công an P.Cự Khối phối hợp.");

        Assert.Equal("Cự Khối", place.Ward);
        Assert.Equal("Long Biên", place.District);
    }

    [Fact]
    public void Locate_HistoricalNameLikeADistrict_IsNoDistrictCue()
    {
        const string title = "Phụ nữ phường Cự Khối kỷ niệm khởi nghĩa Hai Bà Trưng";
        const string text = "Hội phụ nữ tổ chức kỷ niệm ngày khởi nghĩa Hai Bà Trưng và ngày 8/3.";

        var place = _locator.Locate(title, text);

        Assert.Equal("Cự Khối", place.Ward);
        Assert.Equal("Long Biên", place.District);
    }

    [Theory]
    [InlineData("Ý kiến cử tri tại buổi tiếp xúc")]
    [InlineData("Đại hội thành công tốt đẹp")]
    [InlineData("Cán bộ tự diễn biến, tự chuyển hóa")]
    [InlineData("Lãnh đạo Vĩnh Phúc làm việc với doanh nghiệp")]
    [InlineData("Dự án 148 Giảng Võ gây ùn tắc")]
    [InlineData("Kỷ niệm chiến thắng Bạch Đằng")]
    public void Locate_TitleWordsThatFoldToAWardName_AreNoWardCues(string title)
    {
        var place = _locator.Locate(title, "Hội nghị diễn ra trong không khí phấn khởi.");

        Assert.Equal("", place.Ward);
    }

    [Theory]
    [InlineData("Phường Bưởi ra quân dọn vệ sinh", "Bưởi")]
    [InlineData("Phuong Buoi ra quan don ve sinh", "Bưởi")]
    [InlineData("Phường Thành Công tổ chức hội nghị", "Thành Công")]
    [InlineData("Bồ Đề ra quân dọn vệ sinh", "Bồ Đề")]
    public void Locate_SameNamesWrittenAsWards_AreWards(string title, string ward)
    {
        var place = _locator.Locate(title, "");

        Assert.Equal(ward, place.Ward);
    }

    [Theory]
    [InlineData("Hồng Hà ra quân dọn vệ sinh", "")]
    [InlineData("Phường Hồng Hà ra quân dọn vệ sinh", "Hồng Hà")]
    [InlineData("Bến Nghé ra quân dọn vệ sinh", "Bến Nghé")]
    public void Locate_OwnGazetteer_PhuongOnlyFlagNeedsThePrefix(string title, string ward)
    {
        string[] lines =
        [
            "# kind, district, ward, aliases, flags",
            "quận\tSông Hồng\t\t",
            "quận\tSông Hồng\tHồng Hà\t\tphường-only",
            "quận\tSông Hồng\tBến Nghé\tBen Nghe 2\t",
        ];
        var locator = new PlaceLocator(Gazetteer.Parse(lines));

        var place = locator.Locate(title, "");

        Assert.Equal(ward, place.Ward);
        Assert.Equal(ward == "" ? "" : "Sông Hồng", place.District);
    }

    [Fact]
    public void Locate_NoPlace_ReturnsEmpty()
    {
        var place = _locator.Locate("Học tập và làm theo tư tưởng Hồ Chí Minh", "Các chi bộ tổ chức sinh hoạt chuyên đề.");

        Assert.Equal("", place.Ward);
        Assert.Equal("", place.District);
    }
}
