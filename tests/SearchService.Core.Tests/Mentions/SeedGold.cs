using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Core.Tests.Mentions;

/// <summary>One gold mention: its key and its exact text.</summary>
internal sealed record GoldMention(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The gold mentions of one document, in document order.</summary>
internal sealed record GoldDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("mentions")] IReadOnlyList<GoldMention> Mentions);

/// <summary>
/// The mentions of the five seed reports, written by hand after reading each report in full: per
/// seed file, the ordered (key, exact text) pairs. Only these short spans are in the repository; the
/// seed text is read from ../shared/seeds at test time. The data lives in seed-gold.json next to this
/// file so the evaluation project reads the same gold (same format as index-data/gold/*.json).
/// </summary>
internal static class SeedGold
{
    public static string File => Path.Combine(TestPaths.RepoRoot, "tests", "SearchService.Core.Tests", "Mentions", "seed-gold.json");

    public static IReadOnlyList<GoldDocument> Documents { get; } = Load();

    public static IEnumerable<string> SeedNames => Documents.Select(d => d.Id);

    public static GoldDocument For(string seedName) => Documents.Single(d => d.Id == seedName);

    private static List<GoldDocument> Load()
        => JsonSerializer.Deserialize<List<GoldDocument>>(System.IO.File.ReadAllText(File))
           ?? throw new InvalidOperationException("empty gold file " + File);
}
