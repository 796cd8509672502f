using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace SearchService.Cli.Output;

/// <summary>How values are written: JSON for scripts, Vietnamese dates and plain counts for people.</summary>
internal static class Formats
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    // The proto's own snake_case names and every field, so scripts see the contract as documented.
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));

    public static string ToJson(IMessage message) => Json.Format(message);

    /// <summary>"09/01/2019" in Hanoi time; "" when unset.</summary>
    public static string Date(Timestamp? at) => at is null
        ? ""
        : at.ToDateTimeOffset().ToOffset(Hanoi).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"09/01/2019 09:07" in Hanoi time; "" when unset.</summary>
    public static string DateTime(Timestamp? at) => at is null
        ? ""
        : at.ToDateTimeOffset().ToOffset(Hanoi).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Year(int year) => year == 0 ? "" : year.ToString(CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 report", "3 reports".</summary>
    public static string Count(long n, string noun) => $"{Count(n)} {noun}{(n == 1 ? "" : "s")}";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };

    /// <summary>The ward; for a district-level report "Cầu Giấy (district)"; "" when neither is known.</summary>
    public static string Place(string ward, string district) => ward.Length > 0 ? ward
        : district.Length > 0 ? $"{district} (district)"
        : "";

    /// <summary>Shortens a long text for a table cell.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
