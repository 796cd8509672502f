namespace SearchService.Evaluation.Relevance;

/// <summary>One report of the sample archive in the portal format (section, title, date line, body).</summary>
internal sealed record ArchiveDocument(string Id, string Section, string Title, string Text)
{
    /// <summary>
    /// Reads every .txt under <paramref name="root"/>: line 1 section, line 3 title, line 4 "Ngày đăng …",
    /// body from line 6. The id is the path relative to the root, without ".txt", with '/' separators.
    /// </summary>
    public static List<ArchiveDocument> ReadAll(string root)
    {
        var result = new List<ArchiveDocument>();
        if (!Directory.Exists(root))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var id = Path.GetRelativePath(root, path)[..^4].Replace('\\', '/');
            var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
            var section = lines.Length > 0 ? lines[0].Trim() : "";
            var title = lines.Length > 2 ? lines[2].Trim() : "";
            var body = lines.Length > 5 ? string.Join('\n', lines[5..]) : "";
            result.Add(new ArchiveDocument(id, section, title, body));
        }

        return result;
    }
}
