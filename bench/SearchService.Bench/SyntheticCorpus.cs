using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchService.Bench;

/// <summary>
/// The real corpus repeated with varied ids, wards, districts and dates, as a JSON Lines archive for
/// benchmarks that need more documents than the corpus has. Written once per size and reused.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly (string Ward, string District)[] Places =
    [
        ("Cự Khối", "Long Biên"), ("Thượng Thanh", "Long Biên"), ("Ngọc Thụy", "Long Biên"), ("Bồ Đề", "Long Biên"),
        ("Nhật Tân", "Tây Hồ"), ("Quảng An", "Tây Hồ"), ("Dịch Vọng", "Cầu Giấy"), ("Yên Hòa", "Cầu Giấy"),
        ("Văn Miếu", "Đống Đa"), ("Kim Liên", "Đống Đa"), ("Hàng Bạc", "Hoàn Kiếm"), ("Bách Khoa", "Hai Bà Trưng"),
        ("", "Long Biên"), ("", "Cầu Giấy"),
    ];

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared corpus next to the repository, or BENCH_CORPUS (a git worktree is not next to it).</summary>
    public static string CorpusFile => Environment.GetEnvironmentVariable("BENCH_CORPUS") is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "docs.jsonl"));

    /// <summary>A folder holding one JSON Lines file with <paramref name="copies"/> × the corpus.</summary>
    public static string Archive(int copies)
    {
        var folder = Path.Combine(RepoRoot, "bench", "results", $"corpus-x{copies}");
        var file = Path.Combine(folder, "docs.jsonl");
        if (File.Exists(file))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(CorpusFile);
        var random = new Random(copies);
        using var writer = new StreamWriter(file + ".tmp");
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var line in lines)
            {
                var node = JsonNode.Parse(line)!.AsObject();
                var place = Places[random.Next(Places.Length)];
                node["id"] = $"{node["id"]}-c{copy}";
                node["ward"] = place.Ward;
                node["district"] = place.District;
                node["date"] = new DateOnly(2016 + random.Next(9), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd");
                writer.WriteLine(node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
        }

        writer.Close();
        File.Move(file + ".tmp", file);
        return folder;
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

        throw new InvalidOperationException("SearchService.sln not found");
    }
}
