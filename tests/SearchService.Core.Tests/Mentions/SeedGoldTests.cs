using System.Text;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Core.Tests.Mentions;

/// <summary>The extractor against the hand-written gold of the five real seed reports.</summary>
public sealed class SeedGoldTests
{
    private static readonly MentionExtractor Extractor = new();

    public static TheoryData<string> Seeds => new(SeedGold.SeedNames);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Extract_Seed_ReproducesHandWrittenGold(string seed)
    {
        // Arrange
        var text = TestPaths.SeedText(seed).Normalize(NormalizationForm.FormC);
        var gold = SeedGold.For(seed).Mentions.Select(m => $"{m.Key} [{m.Text}]").ToList();

        // Act
        var actual = Extractor.Extract(text).Select(m => $"{m.Key} [{m.Text}]").ToList();

        // Assert
        Assert.True(gold.SequenceEqual(actual), Diff(seed, gold, actual));
    }

    [Fact]
    public void SeedGold_CoversAllFiveSeeds()
    {
        // Arrange
        TestPaths.RequireSeeds();
        var files = Directory.GetFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        // Act
        var gold = SeedGold.SeedNames.Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(files, gold);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedGold_EveryTextOccursInTheSeedInOrder(string seed)
    {
        // Arrange
        var text = TestPaths.SeedText(seed).Normalize(NormalizationForm.FormC);
        var cursor = 0;

        // Act / Assert
        foreach (var mention in SeedGold.For(seed).Mentions)
        {
            var at = text.IndexOf(mention.Text, cursor, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{seed}: gold text [{mention.Text}] not found after offset {cursor}");
            cursor = at + mention.Text.Length;
        }
    }

    private static string Diff(string seed, List<string> gold, List<string> actual)
    {
        var sb = new StringBuilder($"{seed}: extractor differs from gold").AppendLine();
        var missing = new List<string>(gold);
        var extra = new List<string>();
        foreach (var a in actual)
        {
            if (!missing.Remove(a))
            {
                extra.Add(a);
            }
        }

        foreach (var m in missing)
        {
            sb.AppendLine("  missed:         " + m);
        }

        foreach (var e in extra)
        {
            sb.AppendLine("  false positive: " + e);
        }

        sb.AppendLine("  gold:   " + string.Join(" | ", gold));
        sb.AppendLine("  actual: " + string.Join(" | ", actual));
        return sb.ToString();
    }
}
