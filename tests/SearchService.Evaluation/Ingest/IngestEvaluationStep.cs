using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Evaluation.Ingest;

/// <summary>
/// Ingests the real documents (the seeds, and the corpus when present) into fresh indexes the way the
/// server does, prints what was read, skipped and how fast, and checks that a restart reads nothing.
/// </summary>
internal sealed class IngestEvaluationStep : IEvaluationStep
{
    public string Name => "ingest";

    public int Order => 0;

    public Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var metrics = new Dictionary<string, double>();
        var failures = new List<string>();

        var seeds = Ingest(context, "seeds", context.Seeds, cancellationToken);
        metrics["seeds_documents"] = seeds.Report.DocumentsIndexed;
        metrics["seeds_readable_share"] = Share(seeds.Report);
        metrics["seeds_restart_reads_nothing"] = seeds.RestartFilesRead == 0 ? 1 : 0;
        using (var store = Open(seeds.IndexPath))
        {
            var engine = new SearchEngine(store, NullLogger<SearchEngine>.Instance);
            var accented = engine.Search(SearchQuery.For("Chỉ thị 05-CT/TW") with { PageSize = 100 }, cancellationToken);
            var plain = engine.Search(SearchQuery.For("chi thi 05-CT/TW") with { PageSize = 100 }, cancellationToken);
            context.Output.WriteLine($"   'Chỉ thị 05-CT/TW' finds {accented.TotalSize} seeds, 'chi thi 05-CT/TW' finds {plain.TotalSize}");
            metrics["seeds_directive05_hits"] = accented.TotalSize;
            metrics["seeds_directive05_hits_without_diacritics"] = plain.TotalSize;
        }

        if (context.HasCorpus)
        {
            // The corpus folder also holds its README; link just the data file into an archive of its own.
            var archive = context.NewFolder("corpus-archive");
            File.CreateSymbolicLink(Path.Combine(archive, "docs.jsonl"), context.CorpusFile);
            var corpus = Ingest(context, "corpus", archive, cancellationToken);
            metrics["corpus_documents"] = corpus.Report.DocumentsIndexed;
            metrics["corpus_readable_share"] = Share(corpus.Report);
            metrics["corpus_restart_reads_nothing"] = corpus.RestartFilesRead == 0 ? 1 : 0;
        }
        else
        {
            context.Output.WriteLine("   ../shared/corpus is absent: corpus ingest not measured");
        }

        return Task.FromResult(new StepResult(metrics, failures));
    }

    private static (SyncReport Report, string IndexPath, int RestartFilesRead) Ingest(
        EvaluationContext context, string label, string archive, CancellationToken cancellationToken)
    {
        var indexPath = context.NewFolder(label + "-index");
        SyncReport report;
        using (var store = Open(indexPath))
        {
            report = Synchronizer(store, archive, indexPath).SynchronizeAsync(cancellationToken).GetAwaiter().GetResult();
        }

        int restartFilesRead;
        using (var store = Open(indexPath))
        {
            restartFilesRead = Synchronizer(store, archive, indexPath).SynchronizeAsync(cancellationToken).GetAwaiter().GetResult().FilesRead;
        }

        var megabytes = report.BytesRead / 1024.0 / 1024.0;
        context.Output.WriteLine(
            $"   {label}: {report.FilesScanned} files, {report.DocumentsIndexed} documents in {report.Elapsed.TotalSeconds:0.00} s " +
            $"= {report.DocumentsPerSecond:0.0} docs/s, {megabytes / Math.Max(report.Elapsed.TotalSeconds, 1e-6):0.00} MB/s " +
            $"(first ingest, {Environment.ProcessorCount} cores); restart read {restartFilesRead} files");
        foreach (var skipped in report.Skipped.Concat(report.RejectedRecords).Take(20))
        {
            context.Output.WriteLine($"   skipped {skipped.SourcePath}: {skipped.Reason}");
        }

        return (report, indexPath, restartFilesRead);
    }

    private static double Share(SyncReport report)
    {
        var bad = report.Skipped.Count + report.RejectedRecords.Count;
        var total = report.DocumentsIndexed + bad;
        return total == 0 ? 0 : (double)report.DocumentsIndexed / total;
    }

    private static IndexStore Open(string indexPath)
        => new(Options.Create(new IndexOptions { Path = indexPath }), NullLogger<IndexStore>.Instance);

    private static ArchiveSynchronizer Synchronizer(IndexStore store, string archive, string indexPath) => new(
        store,
        EvaluationEnricher.Create(),
        Options.Create(new ArchiveOptions { Path = archive }),
        Options.Create(new IndexOptions { Path = indexPath }),
        NullLogger<ArchiveSynchronizer>.Instance);
}
