namespace SearchService.Core.Analysis;

/// <summary>Token types (TypeAttribute) set by <see cref="VietnameseTokenizer"/> and <see cref="DocumentSymbolFilter"/>.</summary>
public static class TokenTypes
{
    /// <summary>A syllable of letters (digits allowed inside).</summary>
    public const string Word = "<WORD>";

    /// <summary>Digits, possibly grouped or decimal ("19.738.179", "95,06").</summary>
    public const string Number = "<NUM>";

    /// <summary>A whole document symbol, normalised by <see cref="DocumentSymbolFilter"/> ("05-ct/tw").</summary>
    public const string Symbol = "<SYMBOL>";

    /// <summary>A part of a document symbol ("05", "ct", "tw"), at its own position.</summary>
    public const string SymbolPart = "<SYMBOL_PART>";
}
