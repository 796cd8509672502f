namespace SearchService.Server.Hosting;

/// <summary>
/// Where the sample archive and the index are when the configuration does not say: index-data/ of the
/// repository the server runs from, found by walking up from the binaries to SearchService.sln, so
/// `dotnet run --project src/SearchService.Server` works from any working directory.
/// </summary>
internal static class DefaultPaths
{
    public static string SampleArchive => Path.Combine(DataRoot, "archive");

    public static string Index => Path.Combine(DataRoot, "index");

    private static string DataRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
                {
                    return Path.Combine(dir.FullName, "index-data");
                }
            }

            return Path.Combine(Directory.GetCurrentDirectory(), "index-data");
        }
    }

    /// <summary>A configured path, made absolute against the working directory; the default when empty.</summary>
    public static string Resolve(string configured, string fallback)
        => Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? fallback : configured);
}
