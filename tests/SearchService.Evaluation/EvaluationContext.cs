namespace SearchService.Evaluation;

/// <summary>Where the data is, and a scratch folder for indexes the steps build.</summary>
internal sealed class EvaluationContext(string repoRoot, string scratch, TextWriter output)
{
    public string RepoRoot { get; } = repoRoot;

    public string Shared { get; } = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared"));

    public string Seeds => Path.Combine(Shared, "seeds");

    public string CorpusFile => Path.Combine(Shared, "corpus", "docs.jsonl");

    public bool HasCorpus => File.Exists(CorpusFile);

    public string SampleArchive => Path.Combine(RepoRoot, "index-data", "archive");

    public string GoldFolder => Path.Combine(RepoRoot, "index-data", "gold");

    public string Scratch { get; } = scratch;

    public TextWriter Output { get; } = output;

    /// <summary>A fresh empty folder under the scratch folder.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(Scratch, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
