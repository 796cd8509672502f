using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Indexing;

/// <summary>Index:Directory changes how the files are read, never what a search finds.</summary>
public sealed class IndexDirectoryTests
{
    private static readonly string[] Queries = ["chỉ thị 05", "dan van kheo", "Directive 05", "phòng cháy chữa chát"];

    [Fact]
    public void AnIndexWrittenOnce_IsSearchedAlikeThroughEitherDirectory()
    {
        // Written and searched through the default directory, then closed as a restart does.
        var index = new TestIndex();
        index.Sync();
        var read = Queries.Select(q => Hits(index.Engine, q)).ToList();
        index.Dispose();

        using var mapped = new IndexStore(Options.Create(new IndexOptions { Path = index.IndexPath, Directory = "mmap" }), NullLogger<IndexStore>.Instance);
        var engine = new SearchEngine(mapped, NullLogger<SearchEngine>.Instance);

        Assert.All(read, hits => Assert.NotEmpty(hits));
        Assert.Equal(read, Queries.Select(q => Hits(engine, q)).ToList());
    }

    [Theory]
    [InlineData("nio", true)]
    [InlineData("mmap", true)]
    [InlineData("simple", false)]
    [InlineData("", false)]
    public void Directory_OnlyTheKindsTheStoreOpens_AreValid(string kind, bool valid)
    {
        var options = new IndexOptions { Path = "index", Directory = kind };
        var results = new List<ValidationResult>();

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
        Assert.Equal(valid, results.Count == 0);
    }

    private static List<(string Id, float Score)> Hits(SearchEngine engine, string query)
        => engine.Search(SearchQuery.For(query), TestContext.Current.CancellationToken).Hits.Select(h => (h.Document.Id, h.Score)).ToList();
}
