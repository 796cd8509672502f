namespace SearchService.Core.Metadata;

/// <summary>
/// The ward and district a report is about, with the rule that decided it.
/// </summary>
/// <param name="Ward">Canonical ward name ("Ngọc Thụy"); "" for a district-level report or when unknown.</param>
/// <param name="District">Canonical district name ("Long Biên"); "" when unknown.</param>
/// <param name="Evidence">Which rule decided and on what text, for people checking the result.</param>
public sealed record PlaceResult(string Ward, string District, string Evidence)
{
    /// <summary>Neither ward nor district could be read.</summary>
    public static PlaceResult Unknown { get; } = new("", "", "no place cue");
}
