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

    public static string SeedText(string fileName) => File.ReadAllText(Path.Combine(Seeds, fileName));

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
