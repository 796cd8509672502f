using System.Text;
using SearchService.Core.Metadata;

namespace SearchService.Core.Tests.Metadata;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Theory]
    [InlineData("Ngoc Thuy")]
    [InlineData("Ngọc Thuỵ")]
    [InlineData("Ngọc Thụy")]
    [InlineData("NGỌC THỤY")]
    [InlineData("phường Ngọc Thuỵ")]
    [InlineData("P. Ngoc Thuy")]
    public void CanonicalWard_AnySpelling_ReturnsOfficialName(string typed)
    {
        var ward = Gazetteer.CanonicalWard(typed);

        Assert.Equal("Ngọc Thụy", ward);
    }

    [Fact]
    public void CanonicalWard_DecomposedInput_ReturnsOfficialName()
    {
        var typed = "Yên Hoà".Normalize(NormalizationForm.FormD);

        var ward = Gazetteer.CanonicalWard(typed);

        Assert.Equal("Yên Hòa", ward);
    }

    [Theory]
    [InlineData("Cự Khối", "Long Biên", "Cự Khối")]
    [InlineData("Cự Khối", "Cầu Giấy", null)]
    [InlineData("Minh Khai", "Bắc Từ Liêm", "Minh Khai")]
    [InlineData("Minh Khai", "hai ba trung", "Minh Khai")]
    [InlineData("Minh Khai", "Ba Đình", null)]
    public void CanonicalWard_WithDistrict_OnlyThatDistrictsWards(string typed, string district, string? expected)
    {
        var ward = Gazetteer.CanonicalWard(typed, district);

        Assert.Equal(expected, ward);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("Cự")]
    [InlineData("")]
    public void CanonicalWard_NoWard_ReturnsNull(string typed)
    {
        Assert.Null(Gazetteer.CanonicalWard(typed));
    }

    [Theory]
    [InlineData("quan hai ba trung", "Hai Bà Trưng")]
    [InlineData("Quận Long Biên", "Long Biên")]
    [InlineData("huyện Gia Lâm", "Gia Lâm")]
    [InlineData("Thị xã Sơn Tây", "Sơn Tây")]
    [InlineData("ung hoa", "Ứng Hòa")]
    [InlineData("Cự Khối", null)]
    public void CanonicalDistrict_AnySpelling_ReturnsOfficialName(string typed, string? expected)
    {
        Assert.Equal(expected, Gazetteer.CanonicalDistrict(typed));
    }

    [Theory]
    [InlineData("Ba Đình", 14)]
    [InlineData("Hoàn Kiếm", 18)]
    [InlineData("Tây Hồ", 8)]
    [InlineData("Long Biên", 14)]
    [InlineData("Cầu Giấy", 8)]
    [InlineData("Đống Đa", 21)]
    [InlineData("Hai Bà Trưng", 20)]
    [InlineData("Hoàng Mai", 14)]
    [InlineData("Thanh Xuân", 11)]
    [InlineData("Nam Từ Liêm", 10)]
    [InlineData("Bắc Từ Liêm", 13)]
    [InlineData("Hà Đông", 17)]
    public void WardsOf_InnerDistrict_ListsEveryWard(string district, int count)
    {
        var wards = Gazetteer.WardsOf(district);

        Assert.Equal(count, wards.Count);
        Assert.Equal(count, wards.Distinct().Count());
        Assert.All(wards, w => Assert.Contains(district, Gazetteer.DistrictsOfWard(w)));
    }

    [Fact]
    public void WardsOf_LongBien_HasTheWardNamedLikeTheDistrict()
    {
        var wards = Gazetteer.WardsOf("Long Bien");

        Assert.Contains("Long Biên", wards);
        Assert.Contains("Phúc Đồng", wards);
        Assert.Contains("Thượng Thanh", wards);
    }

    [Fact]
    public void Districts_AllOfHanoi_ThirtyIncludingSuburbs()
    {
        Assert.Equal(30, Gazetteer.Districts.Count);
        Assert.Contains("Sơn Tây", Gazetteer.Districts);
        Assert.Contains("Đông Anh", Gazetteer.Districts);
        Assert.Contains("Gia Lâm", Gazetteer.Districts);
    }

    [Theory]
    [InlineData("Minh Khai", new[] { "Hai Bà Trưng", "Bắc Từ Liêm" })]
    [InlineData("Quang Trung", new[] { "Đống Đa", "Hà Đông", "Sơn Tây" })]
    [InlineData("Phúc Đồng", new[] { "Long Biên" })]
    public void DistrictsOfWard_SharedName_ListsEveryDistrict(string ward, string[] districts)
    {
        Assert.Equal(districts.Order(), Gazetteer.DistrictsOfWard(ward).Order());
    }
}
