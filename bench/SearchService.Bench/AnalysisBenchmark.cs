using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Analysis;

namespace SearchService.Bench;

/// <summary>
/// Throughput of the Vietnamese analysis chain next to Lucene's StandardAnalyzer on the same text
/// (title + text of ../shared/corpus/docs.jsonl): MB/s of UTF-16 input, median of 5 runs after a warm-up,
/// and the ratio of the medians. "exact" is one pass of the exact-field chain; "all fields" analyses
/// each value for every field it is indexed into (exact, folded, pairs), which is what indexing pays.
/// Usage: analysis [path to docs.jsonl] [max MB]
/// </summary>
internal sealed class AnalysisBenchmark : IBenchmark
{
    private const int Runs = 5;

    public string Name => "analysis";

    public string Description => "Vietnamese chain vs StandardAnalyzer, MB/s (docs.jsonl title+text)";

    public int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : FindCorpus();
        var maxMegabytes = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : double.MaxValue;
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("docs.jsonl not found; pass its path");
            return 1;
        }

        var texts = Load(path, maxMegabytes);
        var megabytes = texts.Sum(t => (long)t.Length) * 2 / 1e6;
        Console.WriteLine($"{texts.Count} values, {megabytes:0.0} MB (UTF-16) from {path}");

        var standard = new StandardAnalyzer(VietnameseAnalyzers.Version);
        var perField = VietnameseAnalyzers.CreatePerFieldAnalyzer();
        var candidates = new (string Name, Func<string, long> Analyze)[]
        {
            ("StandardAnalyzer", t => Consume(standard, "f", t)),
            ("Vietnamese exact", t => Consume(perField, AnalyzedFields.Text, t)),
            ("Vietnamese folded", t => Consume(perField, AnalyzedFields.TextFolded, t)),
            ("Vietnamese pairs", t => Consume(perField, AnalyzedFields.TextPairs, t)),
            ("Vietnamese all fields", t => AnalyzedFields.TextFields.Sum(f => Consume(perField, f, t))),
        };

        // Warm-up, then the candidates take turns in every run, so that load from elsewhere on the
        // machine hits them alike.
        var tokens = candidates.ToDictionary(c => c.Name, c => texts.Sum(t => c.Analyze(t)));
        var speeds = candidates.ToDictionary(c => c.Name, _ => new List<double>());
        for (var run = 0; run < Runs; run++)
        {
            foreach (var (name, analyze) in candidates)
            {
                var watch = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    analyze(text);
                }

                speeds[name].Add(megabytes / watch.Elapsed.TotalSeconds);
            }
        }

        var medians = new Dictionary<string, double>();
        foreach (var (name, _) in candidates)
        {
            medians[name] = Stats.Median(speeds[name]);
            Console.WriteLine($"{name,-24} {medians[name],8:0.0} MB/s median (min {speeds[name].Min():0.0}, max {speeds[name].Max():0.0}), {tokens[name]} tokens");
        }

        var baseline = medians["StandardAnalyzer"];
        Console.WriteLine($"cost ratio exact / Standard:      {baseline / medians["Vietnamese exact"]:0.00}x");
        Console.WriteLine($"cost ratio all fields / Standard: {baseline / medians["Vietnamese all fields"]:0.00}x");
        return 0;
    }

    private static long Consume(Analyzer analyzer, string field, string text)
    {
        long count = 0;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            count += term.Length > 0 && offset.EndOffset >= offset.StartOffset ? 1 : 0;
        }

        stream.End();
        return count;
    }

    private static List<string> Load(string path, double maxMegabytes)
    {
        var texts = new List<string>();
        long chars = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var name in new[] { "title", "text" })
            {
                if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text)
                {
                    texts.Add(text);
                    chars += text.Length;
                }
            }

            if (chars * 2 / 1e6 >= maxMegabytes)
            {
                break;
            }
        }

        return texts;
    }

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", "docs.jsonl");
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")) && File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
