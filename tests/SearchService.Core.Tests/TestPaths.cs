namespace SearchService.Core.Tests;

/// <summary>Where the repository, its sample archive and the shared real documents are at test time.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared next to the clone: the real seeds and corpus, read at test time, never copied.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "seeds");

    public static string Corpus => Path.Combine(Shared, "corpus", "docs.jsonl");

    public static string Lexicon => Path.Combine(Shared, "lexicon");

    public static string SampleArchive => Path.Combine(RepoRoot, "index-data", "archive");

    /// <summary>The text of one seed report; skips the test when ../shared/seeds is absent.</summary>
    public static string SeedText(string fileName)
    {
        RequireSeeds();
        return File.ReadAllText(Path.Combine(Seeds, fileName));
    }

    /// <summary>
    /// The start of every skip reason for real data that is not beside the clone. A fresh clone with nothing
    /// beside it skips these tests; .ci/run, which has ../shared, fails if any test skips with this reason.
    /// </summary>
    public const string MissingSharedData = "needs ../shared";

    /// <summary>Skips the test unless ../shared/seeds is there.</summary>
    public static void RequireSeeds() => Require(Directory.Exists(Seeds), Seeds, "the real seed reports");

    /// <summary>Skips the test unless ../shared/corpus/docs.jsonl is there.</summary>
    public static void RequireCorpus() => Require(File.Exists(Corpus), Corpus, "the real corpus");

    // .ci/run sets SEARCHSERVICE_REQUIRE_SHARED when ../shared is beside the clone: there a missing path is
    // a broken test, not a bare machine, and must fail rather than skip.
    private static void Require(bool present, string path, string what)
    {
        if (!present && Environment.GetEnvironmentVariable("SEARCHSERVICE_REQUIRE_SHARED") == "1")
        {
            Assert.Fail($"{path} ({what}) is missing although SEARCHSERVICE_REQUIRE_SHARED=1 says ../shared is there");
        }

        Assert.SkipUnless(present, $"{MissingSharedData}: {path} is not there ({what})");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SearchService.sln not found above " + AppContext.BaseDirectory);
    }
}
