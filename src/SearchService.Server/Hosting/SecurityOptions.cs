namespace SearchService.Server.Hosting;

/// <summary>Who may write (configuration section "Security"). Reads are open.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The header that carries the API key of write calls.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>
    /// The key write RPCs (IngestDocuments, DeleteDocument) must send in the x-api-key header.
    /// Default empty: writes are refused with PERMISSION_DENIED unless <see cref="AllowAnonymousWrites"/>.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Allow writes without a key when no key is configured. Default false.</summary>
    public bool AllowAnonymousWrites { get; set; }
}
