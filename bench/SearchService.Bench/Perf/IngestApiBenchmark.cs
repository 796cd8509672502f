using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Bench.Perf;

/// <summary>
/// The IngestDocuments path without the transport: DocumentIngestor.IngestAsync over the corpus ×N into
/// a fresh index, documents/s and the cores it kept busy. Usage: ingest-api [copies=1] [runs=3].
/// </summary>
internal sealed class IngestApiBenchmark : IBenchmark
{
    public string Name => "ingest-api";

    public string Description => "IngestDocuments in process (validation, enrichment, indexing, commit) on the corpus xN; args: [copies=1] [runs=3]";

    public int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine(Machine.Describe());
        var items = File.ReadLines(Path.Combine(SyntheticCorpus.Archive(copies), "docs.jsonl")).Select(Item).ToList();
        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var path = Path.Combine(Path.GetTempPath(), "bench-ingest-api-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var store = new IndexStore(Options.Create(new IndexOptions { Path = path }), NullLogger<IndexStore>.Instance);
                var ingestor = new DocumentIngestor(store, TextEnricher.CreateDefault(), NullLogger<DocumentIngestor>.Instance);
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var summary = ingestor.IngestAsync(Stream(items), CancellationToken.None).GetAwaiter().GetResult();
                var wall = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var used = (process.TotalProcessorTime - cpu).TotalSeconds;
                rates.Add(summary.Accepted / wall);
                Console.WriteLine($"run {run + 1}: {summary.Accepted:N0} documents in {wall:0.0} s = {summary.Accepted / wall:N0} docs/s, CPU {used:0.0} s = {used / wall:0.00} cores busy, load {Machine.LoadAverage()}");
            }
            finally
            {
                Directory.Delete(path, recursive: true);
            }
        }

        Console.WriteLine($"median {Stats.Median(rates):N0} docs/s over {runs} runs (the first includes JIT and word-list loading)");
        return 0;
    }

    private static SubmittedDocument Item(string line)
    {
        using var json = JsonDocument.Parse(line);
        string Field(string name) => json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return new SubmittedDocument(Field("id"), Field("title"), Field("text"), Field("date"), Field("category"), Field("url"), Field("source"), Field("ward"), Field("district"));
    }

    private static async IAsyncEnumerable<SubmittedDocument> Stream(List<SubmittedDocument> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask;
    }
}
