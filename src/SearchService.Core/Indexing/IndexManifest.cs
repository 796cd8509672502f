using System.Text.Json;

namespace SearchService.Core.Indexing;

/// <summary>
/// What the last commit holds of each archive file: size, modification time, content hash, documents,
/// or why it was skipped. It is stored in the commit's user data, so it changes atomically with the
/// documents it describes: an interrupted sync leaves the manifest of the last commit, which is true.
/// </summary>
internal sealed class IndexManifest
{
    public const string UserDataKey = "searchservice.manifest";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, ManifestEntry> _files;

    private IndexManifest(Dictionary<string, ManifestEntry> files) => _files = files;

    public IReadOnlyDictionary<string, ManifestEntry> Files => _files;

    public static IndexManifest Empty() => new(new Dictionary<string, ManifestEntry>(StringComparer.Ordinal));

    public static IndexManifest FromUserData(IDictionary<string, string>? userData)
    {
        if (userData is null || !userData.TryGetValue(UserDataKey, out var json) || string.IsNullOrEmpty(json))
        {
            return Empty();
        }

        var files = JsonSerializer.Deserialize<Dictionary<string, ManifestEntry>>(json, Json);
        return new IndexManifest(new Dictionary<string, ManifestEntry>(files ?? [], StringComparer.Ordinal));
    }

    public string Serialize() => JsonSerializer.Serialize(_files, Json);

    public ManifestEntry? Get(string path) => _files.GetValueOrDefault(path);

    public void Set(string path, ManifestEntry entry) => _files[path] = entry;

    public bool Remove(string path) => _files.Remove(path);

    public IndexManifest Clone() => new(new Dictionary<string, ManifestEntry>(_files, StringComparer.Ordinal));
}

/// <summary>
/// One archive file as last indexed. <see cref="Error"/> is set when it was skipped; <see cref="Checkpoint"/>
/// when a streamed file was only partly indexed (its hash is then empty).
/// </summary>
internal sealed record ManifestEntry(
    long Size,
    long LastWriteTicks,
    string Hash,
    int Documents,
    string? Error = null,
    IReadOnlyList<string>? Rejections = null,
    StreamCheckpoint? Checkpoint = null,
    ManifestStatus? Status = null)
{
    /// <summary>The first hundred rejections are kept in the manifest (null for none); the sync's report has them all.</summary>
    public static List<string>? KeptRejections(List<string> rejections) => rejections.Count > 0 ? rejections.Take(100).ToList() : null;
}

/// <summary>How a file was read (see <see cref="Archive.Readers.SourceStatus"/>), kept for GetIndexStats; null for an entry of an older index (read "ok").</summary>
internal sealed record ManifestStatus(
    string State,
    string Reason = "",
    string Encoding = "",
    IReadOnlyList<int>? Pages = null,
    string Format = "",
    string AttachedTo = "")
{
    public static ManifestStatus Of(Archive.SourceReadResult result) => new(
        Archive.Readers.SourceStatus.Name(result.Status.State),
        result.Status.Reason,
        result.Status.Encoding,
        result.Status.Pages,
        result.Status.Format,
        result.AttachedTo);
}

/// <summary>
/// How far a streamed JSON Lines file is indexed: every record of lines up to <see cref="Line"/>, which
/// end at byte <see cref="Offset"/>. Reading resumes there when the file is unchanged.
/// </summary>
internal sealed record StreamCheckpoint(long Offset, int Line);
