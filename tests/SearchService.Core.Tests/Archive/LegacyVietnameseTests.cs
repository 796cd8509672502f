using System.Text;
using SearchService.Core.Archive.Readers;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Archive;

public sealed class LegacyVietnameseTests
{
    // "Phường" as each encoding writes it, byte by byte (from the published tables, not from our encoder).
    public static TheoryData<LegacyEncoding, byte[]> Phuong => new()
    {
        { LegacyEncoding.Tcvn3, [0x50, 0x68, 0xAD, 0xEA, 0x6E, 0x67] },
        { LegacyEncoding.Vni, [0x50, 0x68, 0xF6, 0xF4, 0xF8, 0x6E, 0x67] },
        { LegacyEncoding.Viscii, [0x50, 0x68, 0xDF, 0xB6, 0x6E, 0x67] },
        { LegacyEncoding.Windows1258, [0x50, 0x68, 0xFD, 0xF5, 0xCC, 0x6E, 0x67] },
    };

    [Theory]
    [MemberData(nameof(Phuong))]
    public void Decode_PublishedBytes_GiveTheWordInNfc(LegacyEncoding encoding, byte[] bytes)
    {
        var text = LegacyVietnamese.Decode(bytes, encoding);

        Assert.Equal("Phường", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    [InlineData(LegacyEncoding.Viscii)]
    [InlineData(LegacyEncoding.Windows1258)]
    public void Detect_ReportEncodedInEach_DecodesToTheSourceText(LegacyEncoding encoding)
    {
        // TCVN3 has no capitals with tones: texts of its time wrote "Uỷ ban".
        var source = string.Join("\n", PortalSamples.DoiCanBody.Concat(PortalSamples.QuanTcvn3Body));
        var bytes = LegacyVietnamese.Encode(source, encoding)!;

        var detection = LegacyVietnamese.Detect(bytes);

        Assert.Equal(encoding, detection.Encoding);
        Assert.Equal(source, detection.Text);
    }

    [Fact]
    public void Encode_EveryVietnameseLetter_RoundTripsThroughVniAndWindows1258()
    {
        // Every vowel with every modifier and tone, in both cases, and đ.
        var letters = new StringBuilder("đĐ");
        foreach (var vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
        {
            foreach (var tone in new[] { "", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323" })
            {
                letters.Append((vowel + tone).Normalize(NormalizationForm.FormC)).Append(' ');
            }
        }

        var text = letters.ToString();
        foreach (var encoding in new[] { LegacyEncoding.Vni, LegacyEncoding.Windows1258, LegacyEncoding.Viscii })
        {
            Assert.Equal(text, LegacyVietnamese.Decode(LegacyVietnamese.Encode(text, encoding)!, encoding));
        }
    }

    [Fact]
    public void Detect_WesternEuropeanText_NoCandidateWins()
    {
        var bytes = Encoding.Latin1.GetBytes("Le comité a approuvé le budget de l'année dernière après une longue réunion à Genève.");

        var detection = LegacyVietnamese.Detect(bytes);

        Assert.Null(detection.Encoding);
        Assert.Null(detection.Text);
    }

    [Fact]
    public void Repair_UnicodeVietnamese_IsLeftUnchanged()
    {
        var text = "Hà Nội có nhiều hồ đẹp, ví dụ hồ Tây và hồ Trúc Bạch ở quận Ba Đình.";

        var (repaired, encoding) = LegacyVietnamese.Repair(text);

        Assert.Null(encoding);
        Assert.Same(text, repaired);
    }

    [Fact]
    public void Repair_Tcvn3ReadAsWindows1252_IsDecoded()
    {
        var source = PortalSamples.DoiCanBody[0];
        var asRead = Encoding.Latin1.GetString(LegacyVietnamese.Encode(source, LegacyEncoding.Tcvn3)!);

        var (repaired, encoding) = LegacyVietnamese.Repair(asRead);

        Assert.Equal(LegacyEncoding.Tcvn3, encoding);
        Assert.Equal(source, repaired);
    }

    [Theory]
    [InlineData(".VnTime", LegacyEncoding.Tcvn3, false)]
    [InlineData(".VnTimeH", LegacyEncoding.Tcvn3, true)]
    [InlineData("ABCDEF+.VnArial", LegacyEncoding.Tcvn3, false)]
    [InlineData("'.VnArialH', serif", LegacyEncoding.Tcvn3, true)]
    [InlineData("VNI-Times", LegacyEncoding.Vni, false)]
    [InlineData("VNI-Helve-Condense", LegacyEncoding.Vni, false)]
    public void FromFontName_LegacyFonts_AreRecognised(string font, LegacyEncoding expected, bool capitals)
    {
        Assert.Equal(expected, LegacyVietnamese.FromFontName(font.Split(',')[0], out var isCapitals));
        Assert.Equal(capitals, isCapitals);
    }

    [Theory]
    [InlineData("Times New Roman")]
    [InlineData("Arial")]
    [InlineData("")]
    public void FromFontName_UnicodeFonts_AreNot(string font) => Assert.Null(LegacyVietnamese.FromFontName(font, out _));

    [Fact]
    public void DecodeChars_CapitalFont_GivesCapitals()
    {
        var chars = Encoding.Latin1.GetString(LegacyVietnamese.Encode(PortalSamples.QuanHeading, LegacyEncoding.Tcvn3)!);

        Assert.Equal("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", LegacyVietnamese.DecodeChars(chars, LegacyEncoding.Tcvn3, capitals: true));
    }

    [Theory]
    [InlineData("phường", true)]
    [InlineData("Nghiêng", true)]
    [InlineData("HÀ", true)]
    [InlineData("khuya", true)]
    [InlineData("b¸o", false)]
    [InlineData("Ph­êng", false)]
    [InlineData("phườngg", false)]
    [InlineData("mátt", false)]
    [InlineData("hàc", false)]
    public void IsSyllable_TellsVietnameseSyllablesFromJunk(string word, bool expected) =>
        Assert.Equal(expected, VietnameseSyllables.IsSyllable(word));
}
