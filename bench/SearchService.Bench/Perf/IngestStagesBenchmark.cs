using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchService.Core.Analysis;
using SearchService.Core.Archive;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Extraction;
using SearchService.Core.Metadata;

namespace SearchService.Bench.Perf;

/// <summary>
/// Where ingest time and allocations go: each stage of the pipeline alone, on one thread, over the first
/// documents of the corpus (median of 3 passes). Usage: ingest-stages [documents=2000].
/// </summary>
internal sealed class IngestStagesBenchmark : IBenchmark
{
    private const int Runs = 3;

    public string Name => "ingest-stages";

    public string Description => "ingest stage by stage on one thread (time and allocations); args: [documents=2000]";

    public int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        Console.WriteLine(Machine.Describe());
        var lines = File.ReadLines(SyntheticCorpus.CorpusFile).Take(count).ToList();
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var documents = ArchiveReader.Parse(bytes, "docs.jsonl", ".jsonl").Documents.ToList();
        var enricher = TextEnricher.CreateDefault();
        var metadata = DocumentMetadataExtractor.Default;
        var mentions = new MentionExtractor();
        var places = new PlaceLocator(Gazetteer.Default);
        var indexed = documents.Select(d => enricher.Enrich(d, "")).ToList();
        Console.WriteLine($"{documents.Count:N0} documents, {bytes.Length / 1e6:0.0} MB; one thread, median of {Runs} passes after a warm-up");

        var stages = new (string Name, Action Pass)[]
        {
            ("read+parse JSONL (hash, decode, parse)", () => ArchiveReader.Parse(bytes, "docs.jsonl", ".jsonl")),
            ("metadata (places, years, topics)", () => documents.ForEach(d => metadata.Extract(d.Title, d.Text, d.PublishedAt))),
            ("  of which places (PlaceLocator)", () => documents.ForEach(d => places.Locate(d.Title, d.Text))),
            ("  of which period years", () => documents.ForEach(d => PeriodYears.Extract(d.Title, d.Text, d.PublishedAt))),
            ("  of which topics (TopicClassifier)", () => documents.ForEach(d => TopicClassifier.Default.Classify(d.Title, d.Text))),
            ("mentions", () => documents.ForEach(d => mentions.Extract(d.Text))),
            ("enrich (metadata + mentions)", () => documents.ForEach(d => enricher.Enrich(d, ""))),
            ("map to Lucene document", () => indexed.ForEach(d => DocumentMapper.ToLucene(d))),
            ("map + analyse + index (RAM)", () => IndexAll(indexed, fs: false, update: false)),
            ("map + analyse + update (RAM)", () => IndexAll(indexed, fs: false, update: true)),
            ("map + analyse + index (FS)", () => IndexAll(indexed, fs: true, update: false)),
            ("enrich + update through IndexStore (FS)", () => IndexLikeSync(documents, enricher)),
        };
        Console.WriteLine($"{"stage",-40} {"ms",9} {"docs/s",9} {"alloc MB",9} {"KB/doc",8}");
        foreach (var (name, pass) in stages)
        {
            var first = Stopwatch.StartNew();
            pass();
            Console.Write($"(first pass {first.ElapsedMilliseconds:N0} ms) ");
            var times = new List<double>();
            var allocations = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                pass();
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocations.Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0));
            }

            var ms = Stats.Median(times);
            var mb = Stats.Median(allocations);
            Console.WriteLine($"{name,-40} {ms,9:N0} {documents.Count / (ms / 1000),9:N0} {mb,9:N0} {mb * 1024 / documents.Count,8:N0}");
        }

        return 0;
    }

    private static void IndexLikeSync(List<SourceDocument> documents, TextEnricher enricher)
    {
        var path = Path.Combine(Path.GetTempPath(), "ingest-stages-store");
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        using var store = new IndexStore(Microsoft.Extensions.Options.Options.Create(new SearchService.Core.Indexing.IndexOptions { Path = path }), Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStore>.Instance);
        foreach (var document in documents)
        {
            store.Update(enricher.Enrich(document, ""));
        }

        store.Commit(store.Manifest);
    }

    private static void IndexAll(List<IndexedDocument> documents, bool fs, bool update)
    {
        var path = Path.Combine(Path.GetTempPath(), "ingest-stages-index");
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        using Lucene.Net.Store.Directory directory = fs ? FSDirectory.Open(path) : new RAMDirectory();
        using var analyzer = VietnameseAnalyzers.CreatePerFieldAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(VietnameseAnalyzers.Version, analyzer)
        {
            Similarity = IndexStore.Similarity,
            RAMBufferSizeMB = new SearchService.Core.Indexing.IndexOptions().RamBufferMb,
        });
        foreach (var document in documents)
        {
            if (update)
            {
                writer.UpdateDocument(new Term("id", document.Source.Id), DocumentMapper.ToLucene(document));
            }
            else
            {
                writer.AddDocument(DocumentMapper.ToLucene(document));
            }
        }

        writer.Commit();
    }
}
