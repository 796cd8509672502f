namespace SearchService.Core.Mentions.Extraction;

/// <summary>One mention in the making.</summary>
internal sealed class MentionItem(DocumentKind kind, int start, int end)
{
    public DocumentKind Kind { get; } = kind;

    public int Start { get; } = start;

    public int End { get; } = end;

    public int Order { get; set; }

    public bool Rejected { get; set; }

    public string RawNumber { get; set; } = "";

    public string? Code { get; set; }

    public string? Issuer { get; set; }

    public string? Year { get; set; }

    public string? StateSymbolText { get; set; }

    public bool IsState { get; set; }

    public bool HasSymbol { get; set; }

    public int? Plenum { get; set; }

    public string? Term { get; set; }

    public bool IsBare => !HasSymbol && Plenum is null;

    public string Key()
    {
        if (Plenum is { } p)
        {
            return Term is null ? $"TW{p}" : $"TW{p}/{Term}";
        }

        if (IsState)
        {
            return Year is null ? $"{RawNumber}/{StateSymbolText}" : $"{RawNumber}/{Year}/{StateSymbolText}";
        }

        var number = SymbolText.PartyNumber(RawNumber);
        return Issuer is null ? $"{number}-{Code}" : $"{number}-{Code}/{Issuer}";
    }

    public string? NumberField() => Plenum is not null ? null
        : IsState ? (Year is null ? RawNumber : $"{RawNumber}/{Year}") : SymbolText.PartyNumber(RawNumber);

    public string? SymbolField() => Plenum is not null ? "NQ" : IsState ? StateSymbolText : Code;

    public string? IssuerField()
    {
        if (Plenum is not null)
        {
            return "TW";
        }

        if (!IsState)
        {
            return Issuer;
        }

        var parts = KeyParts.Parse(Key());
        return parts?.Issuer;
    }
}
