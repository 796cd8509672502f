namespace SearchService.Core.Tests;

/// <summary>The word lists, gazetteer and topics travel inside the assembly; a missing one fails with its name.</summary>
public sealed class EmbeddedResourcesTests
{
    public static TheoryData<string> Names => new(EmbeddedResources.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadText_EveryShippedResource_IsInTheAssemblyAndNotEmpty(string name)
    {
        var text = EmbeddedResources.ReadText(name);

        Assert.NotEmpty(text.Trim());
    }

    [Fact]
    public void LoadAll_ShippedResources_ParseWithEntries()
    {
        EmbeddedResources.LoadAll();

        Assert.NotEmpty(Core.Analysis.AnalysisResources.Abbreviations);
        Assert.Contains("của", Core.Analysis.AnalysisResources.Stopwords);
        Assert.Contains("Long Biên", Core.Metadata.Gazetteer.Default.Districts);
        Assert.NotEmpty(Core.Metadata.TopicClassifier.Default.Labels);
    }

    [Fact]
    public void ReadText_UnknownResource_FailsWithItsName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedResources.ReadText("analysis/missing.tsv"));

        Assert.Contains("analysis/missing.tsv", error.Message);
    }

    [Fact]
    public void Require_NoEntry_FailsWithTheResourceName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedResources.Require("analysis/stopwords.txt", new HashSet<string>(), 0));

        Assert.Contains("analysis/stopwords.txt", error.Message);
    }
}
