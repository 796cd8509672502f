using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

public sealed class AnalysisResourcesTests
{
    [Fact]
    public void Abbreviations_FromResources_HoldTheDomainList()
    {
        var abbreviations = AnalysisResources.Abbreviations;

        Assert.Contains(abbreviations, a => a is { Short: "UBND", Long: "Ủy ban nhân dân", UpperOnly: false });
        Assert.Contains(abbreviations, a => a is { Short: "TU", Long: "Thành ủy", UpperOnly: true });
        Assert.Contains(abbreviations, a => a.Short == "GPMB");
    }

    [Fact]
    public void Stopwords_FromResources_KeepDomainWordsSearchable()
    {
        var stopwords = AnalysisResources.Stopwords;

        Assert.Contains("của", stopwords);
        Assert.DoesNotContain("số", stopwords);
        Assert.DoesNotContain("năm", stopwords);
        Assert.DoesNotContain("thực hiện", stopwords);
    }

    [Fact]
    public void LoadAbbreviations_MissingFile_Empty()
    {
        Assert.Empty(AnalysisResources.LoadAbbreviations(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }
}
