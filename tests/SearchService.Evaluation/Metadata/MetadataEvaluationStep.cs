using System.Text.Json;
using System.Text.Json.Serialization;
using SearchService.Core.Metadata;

namespace SearchService.Evaluation.Metadata;

/// <summary>
/// Ward, district, period-year and topic accuracy of the metadata extraction against hand-made gold:
/// the five seeds (seed-metadata-gold.json next to this file) and the sample archive
/// (index-data/gold/*.json, skipped when absent). Prints every miss so a person can fix either side.
/// </summary>
internal sealed class MetadataEvaluationStep : IEvaluationStep
{
    public string Name => "metadata";

    public int Order => 20;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var extractor = DocumentMetadataExtractor.Default;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var failures = new List<string>();

        var seedGoldPath = Path.Combine(context.RepoRoot, "tests", "SearchService.Evaluation", "Metadata", "seed-metadata-gold.json");
        var seedGold = ReadGold(seedGoldPath);
        var seedCases = seedGold
            .Select(g => (Gold: g, Path: Path.Combine(context.Seeds, g.Id + ".txt")))
            .Where(c => File.Exists(c.Path))
            .ToList();
        if (seedCases.Count == 0)
        {
            context.Output.WriteLine($"   seeds: none found under {context.Seeds}, skipped");
        }
        else
        {
            Score("seed", seedCases, extractor, context.Output, metrics, cancellationToken);
        }

        var goldFiles = Directory.Exists(context.GoldFolder)
            ? Directory.GetFiles(context.GoldFolder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (goldFiles.Count == 0)
        {
            context.Output.WriteLine($"   archive: no gold files in {context.GoldFolder}, skipped");
        }
        else
        {
            var cases = new List<(GoldEntry, string)>();
            foreach (var file in goldFiles)
            {
                foreach (var gold in ReadGold(file))
                {
                    var path = Path.Combine(context.SampleArchive, gold.Id.Replace('/', Path.DirectorySeparatorChar) + ".txt");
                    if (File.Exists(path))
                    {
                        cases.Add((gold, path));
                    }
                    else
                    {
                        failures.Add($"gold {Path.GetFileName(file)} names {gold.Id}, which is not in the archive");
                    }
                }
            }

            Score("archive", cases, extractor, context.Output, metrics, cancellationToken);
        }

        return Task.FromResult(new StepResult(metrics, failures));
    }

    private static void Score(
        string prefix,
        List<(GoldEntry Gold, string Path)> cases,
        DocumentMetadataExtractor extractor,
        TextWriter output,
        Dictionary<string, double> metrics,
        CancellationToken cancellationToken)
    {
        int ward = 0, district = 0, years = 0, topicsExact = 0, truePositives = 0, predicted = 0, expected = 0;
        var misses = new List<string>();
        foreach (var (gold, path) in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = PortalReport.Read(path);
            var result = extractor.Extract(report.Title, report.Text, report.Published);
            var topics = result.Topics.Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
            var goldTopics = gold.Topics.ToHashSet(StringComparer.Ordinal);

            var wardOk = Same(result.Ward, gold.Ward);
            var districtOk = Same(result.District, gold.District);
            var yearsOk = result.PeriodYears.Order().SequenceEqual(gold.PeriodYears.Order());
            var topicsOk = topics.SetEquals(goldTopics);
            ward += wardOk ? 1 : 0;
            district += districtOk ? 1 : 0;
            years += yearsOk ? 1 : 0;
            topicsExact += topicsOk ? 1 : 0;
            truePositives += topics.Count(goldTopics.Contains);
            predicted += topics.Count;
            expected += goldTopics.Count;

            if (!wardOk || !districtOk)
            {
                misses.Add($"place  {gold.Id}: got \"{result.Ward}\"/\"{result.District}\" want \"{gold.Ward}\"/\"{gold.District}\" ({result.PlaceEvidence})");
            }

            if (!yearsOk)
            {
                misses.Add($"years  {gold.Id}: got [{string.Join(", ", result.PeriodYears)}] want [{string.Join(", ", gold.PeriodYears)}]");
            }

            if (!topicsOk)
            {
                var got = string.Join("; ", result.Topics.Select(t => $"{t.Topic} {t.Score:0.#} [{string.Join(", ", t.Cues.Take(4))}]"));
                misses.Add($"topics {gold.Id}: got {got} | want {string.Join("; ", gold.Topics)}");
            }
        }

        var n = Math.Max(1, cases.Count);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = expected == 0 ? 0 : (double)truePositives / expected;
        metrics[$"{prefix}_ward_accuracy"] = (double)ward / n;
        metrics[$"{prefix}_district_accuracy"] = (double)district / n;
        metrics[$"{prefix}_period_years_accuracy"] = (double)years / n;
        metrics[$"{prefix}_topic_exact_set_accuracy"] = (double)topicsExact / n;
        metrics[$"{prefix}_topic_micro_f1"] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        output.WriteLine($"   {prefix}: {cases.Count} documents, {misses.Count} misses");
        foreach (var miss in misses)
        {
            output.WriteLine($"     MISS {miss}");
        }
    }

    private static bool Same(string actual, string expected)
        => string.Equals(
            SearchService.Core.Text.VietnameseText.Normalize(actual),
            SearchService.Core.Text.VietnameseText.Normalize(expected),
            StringComparison.Ordinal);

    private static List<GoldEntry> ReadGold(string path)
        => JsonSerializer.Deserialize<List<GoldEntry>>(File.ReadAllText(path)) ?? [];

    private sealed class GoldEntry
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = "";

        [JsonPropertyName("ward")]
        public string Ward { get; init; } = "";

        [JsonPropertyName("district")]
        public string District { get; init; } = "";

        [JsonPropertyName("period_years")]
        public List<int> PeriodYears { get; init; } = [];

        [JsonPropertyName("topics")]
        public List<string> Topics { get; init; } = [];
    }
}
