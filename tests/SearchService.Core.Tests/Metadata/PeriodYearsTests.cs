using SearchService.Core.Metadata;

namespace SearchService.Core.Tests.Metadata;

public sealed class PeriodYearsTests
{
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Extract_ReviewOfYearPublishedNextJanuary_ReturnsTheReviewedYear()
    {
        var years = PeriodYears.Extract("Kết quả công tác xây dựng Đảng năm 2018", "Năm 2019 phường tiếp tục phấn đấu.", On(2019, 1, 9));

        Assert.Equal([2018], years);
    }

    [Fact]
    public void Extract_FirstHalfOfYear_ReturnsThatYear()
    {
        var years = PeriodYears.Extract("Sơ kết 6 tháng đầu năm 2018", "", On(2018, 7, 12));

        Assert.Equal([2018], years);
    }

    [Fact]
    public void Extract_TermSpanInPassing_IsNotExpanded()
    {
        var years = PeriodYears.Extract("Phường ra mắt mô hình tổ dân phố văn minh", "Đây là chỉ tiêu của nhiệm kỳ 2015-2020.", On(2018, 6, 10));

        Assert.Equal([2018], years);
    }

    [Fact]
    public void Extract_CongressReport_IsAboutTheTermItCloses()
    {
        const string text = "Đại hội đánh giá nhiệm kỳ 2015 - 2020 và thống nhất mục tiêu nhiệm kỳ 2020 - 2025.";

        var years = PeriodYears.Extract("Đại hội Đảng bộ phường nhiệm kỳ 2020 - 2025 thành công", text, On(2020, 6, 10));

        Assert.Equal([2015, 2016, 2017, 2018, 2019, 2020], years);
    }

    [Fact]
    public void Extract_ReviewAndNextYearsPlanInTitle_ReturnsTheReviewedYear()
    {
        var years = PeriodYears.Extract("Tổng kết năm 2020, triển khai nhiệm vụ năm 2021", "", On(2020, 12, 30));

        Assert.Equal([2020], years);
    }

    [Fact]
    public void Extract_OnlyAPlanYearInTitle_ReturnsThePlanYear()
    {
        var years = PeriodYears.Extract("Kế hoạch công tác năm 2021", "", On(2020, 12, 20));

        Assert.Equal([2021], years);
    }

    [Fact]
    public void Extract_CongressPreparation_IsNotExpanded()
    {
        const string text = "Hội nghị đánh giá nhiệm kỳ 2015 - 2020 và cho ý kiến dự thảo.";

        var years = PeriodYears.Extract("Cho ý kiến vào dự thảo văn kiện Đại hội nhiệm kỳ 2020 - 2025", text, On(2020, 6, 23));

        Assert.Equal([2020], years);
    }

    [Fact]
    public void Extract_SchoolYear_ReturnsBothCalendarYears()
    {
        var years = PeriodYears.Extract("Tổng kết năm học 2017-2018", "", On(2018, 6, 1));

        Assert.Equal([2017, 2018], years);
    }

    [Fact]
    public void Extract_WithoutDiacritics_ReadsTheYear()
    {
        var years = PeriodYears.Extract("Ket qua cong tac dan van nam 2018", "", On(2019, 1, 3));

        Assert.Equal([2018], years);
    }

    [Fact]
    public void Extract_YearStatedRepeatedlyInBody_IsThePeriod()
    {
        const string text = "Năm 2019, phường hoàn thành 16 chỉ tiêu. Thu ngân sách năm 2019 đạt 111%. Nhiệm vụ năm 2020 được giao.";

        var years = PeriodYears.Extract("Phường tổng kết công tác", text, On(2020, 1, 5));

        Assert.Equal([2019], years);
    }

    [Fact]
    public void Extract_YearStatedOnceInBody_IsBackground()
    {
        var years = PeriodYears.Extract("Ra quân phòng chống dịch bệnh", "Năm 2019, phường ghi nhận nhiều ca bệnh.", On(2020, 4, 27));

        Assert.Equal([2020], years);
    }

    [Fact]
    public void Extract_JanuaryReviewWithoutYear_ReturnsTheYearBefore()
    {
        var years = PeriodYears.Extract("Sơ kết việc thực hiện đề án", "Chiều ngày 06/01/2021, hội nghị diễn ra.", On(2021, 1, 8));

        Assert.Equal([2020], years);
    }

    [Fact]
    public void Extract_AmountsAndDates_AreNoStatedYears()
    {
        const string text = "Quỹ đạt 2.050.000 đồng; 2019 hộ gia đình tham gia ngày 15/12/2017 và ngày 20/12/2017.";

        var years = PeriodYears.Extract("Vận động quỹ vì người nghèo", text, On(2018, 3, 2));

        Assert.Equal([2018], years);
    }

    [Fact]
    public void Extract_AnniversaryInTitle_IsNoPeriod()
    {
        var years = PeriodYears.Extract("Kỷ niệm 90 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2020)", "", On(2020, 2, 3));

        Assert.Equal([2020], years);
    }

    [Fact]
    public void Extract_NoYearNoDate_ReturnsEmpty()
    {
        Assert.Empty(PeriodYears.Extract("Tin hoạt động", "Phường tổ chức hội nghị.", null));
    }
}
