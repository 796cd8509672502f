using System.Text;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

public sealed class VietnameseNormalizationCharFilterTests
{
    [Fact]
    public void Read_NfdInput_ComposesToNfc()
    {
        var nfd = "Chỉ thị".Normalize(NormalizationForm.FormD);

        var output = ReadAll(new VietnameseNormalizationCharFilter(new StringReader(nfd)));

        Assert.Equal("Chỉ thị", output);
    }

    [Fact]
    public void CorrectOffset_NfdInput_PointsIntoOriginal()
    {
        // "thị" in NFD is t, h, i, combining dot below: 4 characters for 3.
        var nfd = "Chỉ thị 05".Normalize(NormalizationForm.FormD);
        var filter = new VietnameseNormalizationCharFilter(new StringReader(nfd));
        var output = ReadAll(filter);

        var start = output.IndexOf("05", StringComparison.Ordinal);

        Assert.Equal(nfd.IndexOf("05", StringComparison.Ordinal), filter.CorrectOffset(start));
        Assert.Equal(nfd.Length, filter.CorrectOffset(output.Length));
        Assert.Equal(nfd.IndexOf('t'), filter.CorrectOffset(output.IndexOf('t')));
    }

    [Fact]
    public void Read_CrLf_BecomesLfWithOffsetsIntoOriginal()
    {
        var text = "Đảng ủy\r\nphường\r\n\r\nCự Khối";
        var filter = new VietnameseNormalizationCharFilter(new StringReader(text));

        var output = ReadAll(filter);

        Assert.Equal("Đảng ủy\nphường\n\nCự Khối", output);
        Assert.Equal(text.IndexOf("phường", StringComparison.Ordinal), filter.CorrectOffset(output.IndexOf("phường", StringComparison.Ordinal)));
        Assert.Equal(text.IndexOf("Cự", StringComparison.Ordinal), filter.CorrectOffset(output.IndexOf("Cự", StringComparison.Ordinal)));
        Assert.Equal(text.Length, filter.CorrectOffset(output.Length));
    }

    [Fact]
    public void Read_LoneCarriageReturn_BecomesLfOfSameLength()
    {
        var filter = new VietnameseNormalizationCharFilter(new StringReader("a\rb"));

        var output = ReadAll(filter);

        Assert.Equal("a\nb", output);
        Assert.Equal(2, filter.CorrectOffset(2));
    }

    [Fact]
    public void Read_NfcInput_PassesThroughUnchanged()
    {
        const string text = "Nghị quyết số 05 của Quận uỷ\n";
        var filter = new VietnameseNormalizationCharFilter(new StringReader(text));

        var output = ReadAll(filter);

        Assert.Equal(text, output);
        Assert.Equal(10, filter.CorrectOffset(10));
    }

    private static string ReadAll(TextReader reader)
    {
        var result = new StringBuilder();
        var buffer = new char[3];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            result.Append(buffer, 0, read);
        }

        return result.ToString();
    }
}
