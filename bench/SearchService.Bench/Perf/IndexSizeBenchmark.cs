using Lucene.Net.Index;
using Lucene.Net.Store;

namespace SearchService.Bench.Perf;

/// <summary>
/// What an index holds per field: documents with the field, tokens and the
/// size on disk, for comparing the service's index with plain Lucene's. Usage: index-size PATH [PATH...].
/// </summary>
internal sealed class IndexSizeBenchmark : IBenchmark
{
    public string Name => "index-size";

    public string Description => "per-field documents and tokens and the size on disk of indexes; args: PATH [PATH...]";

    public int Run(string[] args)
    {
        foreach (var path in args)
        {
            using var directory = FSDirectory.Open(path);
            using var reader = DirectoryReader.Open(directory);
            var bytes = BytesOnDisk(path);
            Console.WriteLine($"{path}: {reader.NumDocs:N0} documents, {bytes / 1e6:N0} MB on disk");
            var fields = MultiFields.GetFields(reader);
            var totalTokens = 0L;
            foreach (var field in fields.OrderBy(f => f, StringComparer.Ordinal))
            {
                var terms = fields.GetTerms(field);
                var tokens = terms.SumTotalTermFreq;
                totalTokens += Math.Max(0, tokens);
                // Fields indexed without frequencies (ids, keys) have no token count.
                Console.WriteLine($"  {field,-18} docs {terms.DocCount,10:N0}  tokens {(tokens < 0 ? "-" : tokens.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),14}");
            }

            Console.WriteLine($"  tokens in all fields: {totalTokens:N0} ({totalTokens / (double)Math.Max(1, reader.NumDocs):N0} per document)");
        }

        return 0;
    }

    /// <summary>The size of every file in an index folder (and any folder in it), in bytes.</summary>
    public static long BytesOnDisk(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
