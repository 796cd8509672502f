using System.ComponentModel.DataAnnotations;

namespace SearchService.Server.Hosting;

/// <summary>Bounds on what one call may send and cost (configuration section "Limits").</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request message accepted, in bytes; larger ones are RESOURCE_EXHAUSTED. Default 16 MiB.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes. Default 64 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxSendMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Longest a read call may run, in seconds, whatever deadline the client set; it then ends with
    /// DEADLINE_EXCEEDED and its work stops. Streaming writes (IngestDocuments) are not bounded by it.
    /// Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int CallTimeoutSeconds { get; set; } = 30;
}
