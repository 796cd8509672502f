using System.Text;
using SearchService.Core.Text;

namespace SearchService.Core.Tests.Text;

/// <summary>Query words typed in Telex or VNI with the input method off, and the syllables they mean.</summary>
public sealed class TypedVietnameseTests
{
    // Real syllables with diacritics: every vowel mark and tone, di- and triphthongs, gi/qu onsets.
    public static readonly TheoryData<string> Syllables =
    [
        "nghị", "quyết", "chúng", "ương", "trường", "đảng", "đông", "chỉ", "thị", "việt",
        "hoà", "thuỷ", "người", "được", "những", "của", "với", "năm", "tỉnh", "huyện",
        "xã", "phường", "uỷ", "bàn", "nhân", "dân", "hội", "đồng", "bộ", "chính",
        "trị", "kế", "hoạch", "thực", "hiện", "công", "tác", "kiểm", "trà", "giám",
        "sát", "khuyên", "khuỷu", "ngoài", "xoáy", "khuấy", "yêu", "rượu", "muối", "tiếng",
        "giữa", "già", "gì", "giếng", "quốc", "quý", "quả", "thuở", "hữu", "mưa",
        "khoẻ", "ngoặt", "nghiêng", "chuyện", "nguyễn", "đặc", "lắm", "ấy", "ơi", "ừ",
    ];

    [Theory]
    [InlineData("nghij", "nghị")]
    [InlineData("quyeets", "quyết")]
    [InlineData("uwowng", "ương")]
    [InlineData("truwowngf", "trường")]
    [InlineData("ddangr", "đảng")]
    [InlineData("ddaangr", "đẩng")] // Telex "aa" is â; đảng is typed "ddangr"
    [InlineData("ddoong", "đông")]
    [InlineData("chir", "chỉ")]
    [InlineData("thij", "thị")]
    [InlineData("Vieejt", "việt")]
    [InlineData("hoaf", "hoà")]
    [InlineData("thuyr", "thuỷ")]
    [InlineData("tieengs", "tiếng")]
    [InlineData("tieesng", "tiếng")]
    [InlineData("nguoiwf", "người")]
    [InlineData("truongwf", "trường")]
    [InlineData("nhwng", "nhưng")]
    [InlineData("cos", "có")]
    [InlineData("thuowr", "thuở")]
    [InlineData("cosf", "cò")]
    [InlineData("nhuwxng", "những")]
    [InlineData("wf", "ừ")]
    public void TryDecode_Telex_DecodesToSyllable(string word, string expected)
    {
        // Act
        var decoded = TypedVietnamese.TryDecode(word, out var syllable);

        // Assert
        Assert.True(decoded);
        Assert.Equal(expected, syllable);
    }

    [Theory]
    [InlineData("nghi5", "nghị")]
    [InlineData("quye61t", "quyết")]
    [InlineData("quyet65", "quyệt")]
    [InlineData("quyet61", "quyết")]
    [InlineData("d9a3ng", "đảng")]
    [InlineData("dang93", "đảng")]
    [InlineData("tru7o7ng2", "trường")]
    [InlineData("tru7ong2", "trường")]
    [InlineData("truong72", "trường")]
    [InlineData("nguoi72", "người")]
    [InlineData("hoa2", "hoà")]
    [InlineData("thuy3", "thuỷ")]
    [InlineData("a8n", "ăn")]
    public void TryDecode_Vni_DecodesToSyllable(string word, string expected)
    {
        // Act
        var decoded = TypedVietnamese.TryDecode(word, out var syllable);

        // Assert
        Assert.True(decoded);
        Assert.Equal(expected, syllable);
    }

    [Theory]
    [InlineData("NGHIJ")]
    [InlineData("NghiJ")]
    [InlineData("NGHI5")]
    public void TryDecode_AnyCase_DecodesToLowerCase(string word)
    {
        // Act
        var decoded = TypedVietnamese.TryDecode(word, out var syllable);

        // Assert
        Assert.True(decoded);
        Assert.Equal("nghị", syllable);
    }

    [Theory]
    [InlineData("2020")]
    [InlineData("86")]
    [InlineData("4g")]
    [InlineData("b52")]
    [InlineData("covid19")]
    [InlineData("05-CT/TW")]
    [InlineData("tin")]
    [InlineData("hoa")]
    [InlineData("sao")]
    [InlineData("xa")]
    [InlineData("ra")]
    [InlineData("hoaz")]
    [InlineData("nghị")]
    [InlineData("việt")]
    [InlineData("class")]
    [InlineData("empire")]
    [InlineData("tests")]
    [InlineData("hello")]
    [InlineData("www")]
    [InlineData("dd")]
    [InlineData("string")]
    [InlineData("quyeet")]
    [InlineData("")]
    public void TryDecode_NotTypedVietnamese_ReturnsFalseAndWordUnchanged(string word)
    {
        // Act
        var decoded = TypedVietnamese.TryDecode(word, out var result);

        // Assert
        Assert.False(decoded);
        Assert.Equal(word, result);
    }

    [Fact]
    public void TryDecode_Output_IsNfcAndIndexNormalized()
    {
        // Act
        TypedVietnamese.TryDecode("truwowngf", out var decoded);

        // Assert
        Assert.True(decoded.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(6, decoded.Length);
        Assert.Equal(VietnameseText.Normalize("hòa"), Decode("hoaf"));
        Assert.Equal(VietnameseText.Normalize("thủy"), Decode("thuyr"));
    }

    [Theory]
    [MemberData(nameof(Syllables))]
    public void TryDecode_TelexEncoding_RoundTrips(string syllable)
    {
        // Arrange
        var expected = VietnameseText.Normalize(syllable);

        // Act
        var toneAtEnd = Decode(Encode(syllable, vni: false, toneAtEnd: true));
        var toneAfterVowel = Decode(Encode(syllable, vni: false, toneAtEnd: false));

        // Assert
        Assert.Equal(expected, toneAtEnd);
        Assert.Equal(expected, toneAfterVowel);
    }

    [Theory]
    [MemberData(nameof(Syllables))]
    public void TryDecode_VniEncoding_RoundTrips(string syllable)
    {
        // Arrange
        var expected = VietnameseText.Normalize(syllable);

        // Act
        var toneAtEnd = Decode(Encode(syllable, vni: true, toneAtEnd: true));
        var toneAfterVowel = Decode(Encode(syllable, vni: true, toneAtEnd: false));

        // Assert
        Assert.Equal(expected, toneAtEnd);
        Assert.Equal(expected, toneAfterVowel);
    }

    [Theory]
    [MemberData(nameof(Syllables))]
    public void IsSyllable_RealSyllable_True(string syllable)
    {
        // Act & Assert
        Assert.True(TypedVietnamese.IsSyllable(VietnameseText.Normalize(syllable)));
        Assert.True(TypedVietnamese.IsSyllable(syllable));
    }

    [Theory]
    [InlineData("hoa")]
    [InlineData("hòa")]
    [InlineData("thủy")]
    [InlineData("ngoằn")]
    [InlineData("y")]
    [InlineData("kỳ")]
    [InlineData("khuya")]
    [InlineData("trung")]
    public void IsSyllable_WellFormed_True(string text)
    {
        // Act & Assert
        Assert.True(TypedVietnamese.IsSyllable(text));
    }

    [Theory]
    [InlineData("class")]
    [InlineData("empire")]
    [InlineData("tests")]
    [InlineData("hello")]
    [InlineData("www")]
    [InlineData("dd")]
    [InlineData("")]
    [InlineData("viet")] // stop final without sắc or nặng
    [InlineData("việ")]
    [InlineData("càc")]
    [InlineData("kà")]
    [InlineData("ghà")]
    [InlineData("ngê")]
    [InlineData("cin")]
    [InlineData("thuong")]
    [InlineData("tyên")]
    [InlineData("iên")]
    [InlineData("áà")]
    [InlineData("Việt")]
    public void IsSyllable_Malformed_False(string text)
    {
        // Act & Assert
        Assert.False(TypedVietnamese.IsSyllable(text));
    }

    private static string Decode(string word)
    {
        Assert.True(TypedVietnamese.TryDecode(word, out var decoded), word);
        return decoded;
    }

    // Test-side encoder: types each letter, then its marks (from NFD) with the scheme's keys:
    // Telex doubles for a circumflex, w for horn and breve, sfrxj tones; VNI 6 7 8 and 1-5.
    private static string Encode(string syllable, bool vni, bool toneAtEnd)
    {
        var typed = new StringBuilder();
        var tone = "";
        foreach (var letter in syllable)
        {
            var parts = letter.ToString().Normalize(NormalizationForm.FormD);
            typed.Append(parts[0] == 'đ' ? (vni ? "d9" : "dd") : parts[0].ToString());
            foreach (var mark in parts.AsSpan(1))
            {
                var toneIndex = "\u0301\u0300\u0309\u0303\u0323".IndexOf(mark);
                if (toneIndex >= 0)
                {
                    tone = (vni ? "12345" : "sfrxj")[toneIndex].ToString();
                    continue;
                }

                typed.Append(mark switch
                {
                    '\u0302' => vni ? '6' : parts[0],
                    '\u031B' => vni ? '7' : 'w',
                    _ => vni ? '8' : 'w',
                });
            }

            if (!toneAtEnd && parts.AsSpan(1).IndexOfAny("\u0301\u0300\u0309\u0303\u0323") >= 0)
            {
                typed.Append(tone);
            }
        }

        return toneAtEnd ? typed + tone : typed.ToString();
    }
}
