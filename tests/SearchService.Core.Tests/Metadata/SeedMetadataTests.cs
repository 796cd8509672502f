using System.Globalization;
using SearchService.Core.Metadata;

namespace SearchService.Core.Tests.Metadata;

/// <summary>
/// The five real seed reports, read at test time; the expected values were written by hand after
/// reading them. Seed 003 is a district-level report whose text names its district ("quận Hai Bà Trưng")
/// once; its ward-free title and district bodies make it district-level.
/// </summary>
public sealed class SeedMetadataTests
{
    private readonly DocumentMetadataExtractor _extractor = DocumentMetadataExtractor.Default;

    [Theory]
    [InlineData("000_34df45979ecce9fe.txt", "Cự Khối", "Long Biên")]
    [InlineData("001_9c2932567b1d8dd4.txt", "Thượng Thanh", "Long Biên")]
    [InlineData("002_3a7b61934048b419.txt", "Cự Khối", "Long Biên")]
    [InlineData("003_59afc8463018b9cb.txt", "", "Hai Bà Trưng")]
    [InlineData("004_1f7699655ce802cd.txt", "Ngọc Thụy", "Long Biên")]
    public void Extract_Seed_WardAndDistrict(string file, string ward, string district)
    {
        var metadata = Extract(file);

        Assert.Equal(ward, metadata.Ward);
        Assert.Equal(district, metadata.District);
    }

    [Theory]
    [InlineData("000_34df45979ecce9fe.txt", new[] { 2018 })]
    [InlineData("001_9c2932567b1d8dd4.txt", new[] { 2019, 2020 })]
    [InlineData("002_3a7b61934048b419.txt", new[] { 2020 })]
    [InlineData("003_59afc8463018b9cb.txt", new[] { 2018 })]
    [InlineData("004_1f7699655ce802cd.txt", new[] { 2018 })]
    public void Extract_Seed_PeriodYears(string file, int[] years)
    {
        var metadata = Extract(file);

        Assert.Equal(years, metadata.PeriodYears);
    }

    [Theory]
    [InlineData("000_34df45979ecce9fe.txt", "Xây dựng Đảng")]
    [InlineData("001_9c2932567b1d8dd4.txt", "Xây dựng Đảng")]
    [InlineData("002_3a7b61934048b419.txt", "Xây dựng Đảng")]
    [InlineData("003_59afc8463018b9cb.txt", "Xây dựng Đảng")]
    [InlineData("004_1f7699655ce802cd.txt", "Dân vận")]
    public void Extract_Seed_MainTopicFirstWithItsCues(string file, string topic)
    {
        var metadata = Extract(file);

        Assert.Equal(topic, metadata.Topics[0].Topic);
        Assert.NotEmpty(metadata.Topics[0].Cues);
        Assert.InRange(metadata.Topics.Count, 1, 3);
    }

    [Fact]
    public void Extract_SeedWithoutDiacritics_SamePlace()
    {
        var (title, text, published) = ReadSeed("004_1f7699655ce802cd.txt");

        var metadata = _extractor.Extract(
            Core.Text.VietnameseText.Fold(title),
            Core.Text.VietnameseText.Fold(text),
            published);

        Assert.Equal("Ngọc Thụy", metadata.Ward);
        Assert.Equal("Long Biên", metadata.District);
        Assert.Equal("Dân vận", metadata.Topics[0].Topic);
    }

    private DocumentMetadata Extract(string file)
    {
        var (title, text, published) = ReadSeed(file);
        return _extractor.Extract(title, text, published);
    }

    // Portal format: section, blank, title, "Ngày đăng dd/mm/yyyy | ...", body.
    private static (string Title, string Text, DateTimeOffset? Published) ReadSeed(string file)
    {
        var lines = TestPaths.SeedText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var date = lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.Count(c => c == '/') == 2);
        var day = DateTime.ParseExact(date, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        return (lines[2].Trim(), string.Join('\n', lines[4..]), new DateTimeOffset(day, TimeSpan.Zero));
    }
}
