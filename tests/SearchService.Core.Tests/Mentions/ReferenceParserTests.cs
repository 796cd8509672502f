using SearchService.Core.Mentions;

namespace SearchService.Core.Tests.Mentions;

/// <summary>References as people type them, and which keys they match.</summary>
public sealed class ReferenceParserTests
{
    private static DocumentReference Parse(string input)
    {
        Assert.True(ReferenceParser.TryParse(input, out var reference, out var error), error);
        return reference!;
    }

    [Theory]
    [InlineData("Directive 05")]
    [InlineData("directive 5")]
    [InlineData("chi thi 05")]
    [InlineData("Chỉ thị 05")]
    [InlineData("CHỈ THỊ SỐ 05")]
    [InlineData("05-CT")]
    public void TryParse_OpenDirective05_MatchesEveryIssuer(string input)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.True(reference.IsOpen);
        Assert.True(reference.Matches("05-CT/TW"));
        Assert.True(reference.Matches("05-CT/TU"));
        Assert.True(reference.Matches("05-CT"));
        Assert.False(reference.Matches("05-NQ/TW"));
        Assert.False(reference.Matches("15-CT/TU"));
        Assert.False(reference.Matches("TW5"));
    }

    [Theory]
    [InlineData("05-CT/TW")]
    [InlineData("Chỉ thị số 05-CT/TƯ")]
    [InlineData("chi thi so 05-CT/TW")]
    [InlineData("Directive 05-CT/TW")]
    [InlineData("5-CT/TW")]
    [InlineData("chỉ thị số 05 của Bộ Chính trị")]
    public void TryParse_Directive05OfTheCentre_MatchesOnlyItsKey(string input)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.Equal("05-CT/TW", reference.Key);
        Assert.True(reference.Matches("05-CT/TW"));
        Assert.False(reference.Matches("05-CT/TU"));
        Assert.False(reference.Matches("05-CT"));
    }

    [Fact]
    public void TryParse_WithoutDiacriticsAndCityIssuer_MatchesTU()
    {
        // Act
        var reference = Parse("chi thi so 05-CT/TU");

        // Assert
        Assert.Equal("05-CT/TU", reference.Key);
        Assert.False(reference.Matches("05-CT/TW"));
    }

    [Theory]
    [InlineData("Resolution TW4")]
    [InlineData("NQ TW4")]
    [InlineData("Nghị quyết Trung ương 4")]
    [InlineData("nghi quyet trung uong IV")]
    [InlineData("Nghị quyết TƯ 4")]
    [InlineData("TW4")]
    public void TryParse_OpenPlenum4_MatchesEveryTerm(string input)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.Equal(4, reference.Plenum);
        Assert.True(reference.Matches("TW4"));
        Assert.True(reference.Matches("TW4/XI"));
        Assert.True(reference.Matches("TW4/XII"));
        Assert.False(reference.Matches("TW6/XII"));
        Assert.False(reference.Matches("04-NQ/TW"));
    }

    [Theory]
    [InlineData("Nghị quyết Trung ương 4 khóa XII")]
    [InlineData("Nghị quyết Trung ương 4 khoá XII")]
    [InlineData("Nghi quyet Trung uong 4 khoa XII")]
    [InlineData("Nghị quyết Trung ương IV (khóa XII)")]
    [InlineData("Resolution TW4/XII")]
    [InlineData("TW4/XII")]
    [InlineData("NQ TW4 khoa 12")]
    [InlineData("NQ TƯ 4 khóa XII")]
    [InlineData("NQ TU 4 khoa XII")]
    public void TryParse_Plenum4TermXII_MatchesOnlyThatTerm(string input)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.Equal("TW4/XII", reference.Key);
        Assert.True(reference.Matches("TW4/XII"));
        Assert.False(reference.Matches("TW4/XI"));
        Assert.False(reference.Matches("TW4"));
    }

    [Fact]
    public void TryParse_PlenumWithTUTypedWithDiacriticsElsewhere_IsNotTheCentralCommittee()
    {
        // "TU" beside words typed with diacritics is the Thành ủy code, which has no plenum keys.
        Assert.False(ReferenceParser.TryParse("Nghị quyết TU 4 khóa XII", out _, out _));
    }

    [Theory]
    [InlineData("Decision 217", "decision", "217-QĐ/TW", "217/QĐ-UBND", "217-NQ/TW")]
    [InlineData("Đề án 15", "scheme", "15-ĐA/QU", "15-ĐA", "15-KH/QU")]
    [InlineData("scheme 15", "scheme", "15-ĐA/QU", "15-ĐA", "16-ĐA/QU")]
    [InlineData("project 15", "scheme", "15-ĐA/QU", "15-ĐA", "15-CTr/QU")]
    [InlineData("Kết luận 01", "conclusion", "01-KL/TW", "01-KL", "01-KH/TW")]
    [InlineData("conclusion 1", "conclusion", "01-KL/TW", "01-KL", "10-KL/TW")]
    [InlineData("Resolution 26", "resolution", "26-NQ/TW", "26/2019/NQ-CP", "TW2")]
    [InlineData("regulation 29", "regulation", "29-QĐ/TW", "29-QĐi/TW", "29-KL/TW")]
    [InlineData("programme 01", "programme", "01-CTr/QU", "01-CTr", "01-CT/QU")]
    [InlineData("program 1", "programme", "01-CTr/QU", "01-CTr", "02-CTr/QU")]
    [InlineData("plan 03", "plan", "03-KH/ĐU", "03-KH", "03-CT")]
    [InlineData("official letter 139", "official_letter", "139-CV/QU", "139-CV", "139-TB/QU")]
    [InlineData("notice 30", "notice", "30-TB/TU", "30-TB", "30-TT")]
    [InlineData("guidance 12", "guidance", "12-HD/BTGTW", "12-HD", "12-KH")]
    [InlineData("decree 15", "decree", "15/2020/NĐ-CP", "15-NĐ", "15/2020/TT-BNV")]
    [InlineData("circular 13", "circular", "13/2019/TT-BNV", "13-TT", "13/2019/NĐ-CP")]
    [InlineData("Nghị định 15/2020", "decree", "15/2020/NĐ-CP", "15/2020/NĐ", "15/2021/NĐ-CP")]
    public void TryParse_KindAndNumber_MatchesKeysOfThatKindAndNumber(string input, string kind, string match1, string match2, string nonMatch)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.Equal(kind, reference.Kind);
        Assert.True(reference.Matches(match1), match1);
        Assert.True(reference.Matches(match2), match2);
        Assert.False(reference.Matches(nonMatch), nonMatch);
    }

    [Theory]
    [InlineData("15/2020/NĐ-CP", "15/2020/NĐ-CP", "decree")]
    [InlineData("15/2020/nd-cp", "15/2020/NĐ-CP", "decree")]
    [InlineData("Nghị định số 15/2020/NĐ-CP", "15/2020/NĐ-CP", "decree")]
    [InlineData("5140/QĐ-UBND", "5140/QĐ-UBND", "decision")]
    [InlineData("412/UBND-NV", "412/UBND-NV", "official_letter")]
    [InlineData("Luật số 91/2015/QH13", "91/2015/QH13", "law")]
    [InlineData("03-KH/DU", "03-KH/ĐU", "plan")]
    [InlineData("Nghị quyết số 26 của Trung ương", "26-NQ/TW", "resolution")]
    public void TryParse_FullNumber_IsExact(string input, string key, string kind)
    {
        // Act
        var reference = Parse(input);

        // Assert
        Assert.Equal((key, kind), (reference.Key, reference.Kind));
        Assert.True(reference.Matches(key));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 abc")]
    [InlineData("05")]
    [InlineData("Chỉ thị")]
    [InlineData("Directive five")]
    [InlineData("Luật 2013")]
    public void TryParse_NotAReference_FailsWithClearError(string input)
    {
        // Act
        var ok = ReferenceParser.TryParse(input, out var reference, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(reference);
        Assert.StartsWith("not a document reference", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_FailsWithoutThrowing()
    {
        // Act
        var ok = ReferenceParser.TryParse(null!, out var reference, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(reference);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("Directive 05", "directive 05 (any issuer)")]
    [InlineData("05-CT/TU", "Chỉ thị 05-CT/TU")]
    [InlineData("Resolution TW4", "resolution of Central Committee plenum 4 (any term)")]
    [InlineData("NQ TW4 khóa XII", "Nghị quyết Trung ương 4 (khóa XII)")]
    [InlineData("official letter 139", "official letter 139 (any issuer)")]
    public void Describe_Reference_SaysWhatItNames(string input, string expected)
    {
        // Act
        var description = Parse(input).Describe();

        // Assert
        Assert.Equal(expected, description);
    }
}
