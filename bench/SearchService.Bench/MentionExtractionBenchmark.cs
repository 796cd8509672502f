using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;

namespace SearchService.Bench;

/// <summary>
/// Mention extraction throughput over the shared corpus (title + text of each JSON line, NFC):
/// one warm-up pass, then the median of 5 timed passes, in MB/s of UTF-8 input.
/// Usage: SearchService.Bench mentions [path/to/docs.jsonl]
/// </summary>
internal sealed class MentionExtractionBenchmark : IBenchmark
{
    private const int Runs = 5;

    public string Name => "mentions";

    public string Description => "mention extraction throughput (MB/s) over the shared corpus";

    public int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : SyntheticCorpus.CorpusFile;
        if (corpus is null || !File.Exists(corpus))
        {
            Console.Error.WriteLine("corpus not found: pass the path to docs.jsonl");
            return 2;
        }

        var texts = File.ReadLines(corpus)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return (json.RootElement.GetProperty("title").GetString() + "\n" + json.RootElement.GetProperty("text").GetString())
                    .Normalize(NormalizationForm.FormC);
            })
            .ToList();
        var megabytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t)) / 1e6;
        var extractor = new MentionExtractor();

        var mentions = Pass(extractor, texts);
        Console.WriteLine($"{texts.Count} documents, {megabytes:0.0} MB UTF-8, {mentions} mentions per pass");

        var seconds = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            Pass(extractor, texts);
            clock.Stop();
            seconds.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {i + 1}: {clock.Elapsed.TotalSeconds:0.000} s  {megabytes / clock.Elapsed.TotalSeconds:0.0} MB/s");
        }

        var median = Stats.Median(seconds);
        Console.WriteLine($"median of {Runs}: {median:0.000} s, {megabytes / median:0.0} MB/s, {texts.Count / median:0} documents/s (one thread)");
        return 0;
    }

    private static int Pass(MentionExtractor extractor, List<string> texts)
    {
        var count = 0;
        foreach (var text in texts)
        {
            count += extractor.Extract(text).Count;
        }

        return count;
    }
}
